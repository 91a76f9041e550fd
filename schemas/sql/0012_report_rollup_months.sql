-- Report rollups a quarterly report can read in a few thousand rows at millions of shipments
-- (docs/PERFORMANCE.md, "Quarterly report at 5 million shipments"). Every report period is made
-- of whole months, so the report reads month sums rather than the day rows of shipment_rollup;
-- and a report of all clients reads the distribution of transit times without the client
-- column, which otherwise multiplies its rows by the number of clients. Kept current beside
-- the tables of 0005 by logistics/shipment_rollup.cc, and filled here from them.

-- shipment_rollup summed per month.
CREATE TABLE shipment_month_rollup (
  client_id        BIGINT NOT NULL,
  carrier_key      BIGINT NOT NULL,
  region_key       TEXT NOT NULL,
  ship_month       TEXT NOT NULL,
  shipments        BIGINT NOT NULL,
  pieces           BIGINT NOT NULL,
  weight_g         BIGINT NOT NULL,
  freight_cents    BIGINT NOT NULL,
  delivered        BIGINT NOT NULL,
  promised         BIGINT NOT NULL,
  on_time          BIGINT NOT NULL,
  planned          BIGINT NOT NULL,
  shipped_on_time  BIGINT NOT NULL,
  received         BIGINT NOT NULL,
  accurate         BIGINT NOT NULL,
  lines            BIGINT NOT NULL,
  lines_accurate   BIGINT NOT NULL,
  accident         BIGINT NOT NULL,
  on_time_in_full  BIGINT NOT NULL,
  transit_hours    BIGINT NOT NULL,
  transit_count    BIGINT NOT NULL,
  PRIMARY KEY (client_id, ship_month, carrier_key, region_key)
);
CREATE INDEX shipment_month_rollup_by_month ON shipment_month_rollup (ship_month);

INSERT INTO shipment_month_rollup (client_id, carrier_key, region_key, ship_month, shipments, pieces, weight_g,
  freight_cents, delivered, promised, on_time, planned, shipped_on_time, received, accurate, lines, lines_accurate,
  accident, on_time_in_full, transit_hours, transit_count)
SELECT client_id, carrier_key, region_key, substr(ship_day, 1, 7), sum(shipments), sum(pieces), sum(weight_g),
  sum(freight_cents), sum(delivered), sum(promised), sum(on_time), sum(planned), sum(shipped_on_time), sum(received),
  sum(accurate), sum(lines), sum(lines_accurate), sum(accident), sum(on_time_in_full), sum(transit_hours),
  sum(transit_count)
FROM shipment_rollup GROUP BY client_id, carrier_key, region_key, substr(ship_day, 1, 7);

-- shipment_transit_rollup summed over all clients.
CREATE TABLE shipment_transit_all_rollup (
  carrier_key    BIGINT NOT NULL,
  region_key     TEXT NOT NULL,
  ship_month     TEXT NOT NULL,
  transit_hours  BIGINT NOT NULL,
  shipments      BIGINT NOT NULL,
  PRIMARY KEY (ship_month, carrier_key, region_key, transit_hours)
);

INSERT INTO shipment_transit_all_rollup (carrier_key, region_key, ship_month, transit_hours, shipments)
SELECT carrier_key, region_key, ship_month, transit_hours, sum(shipments)
FROM shipment_transit_rollup GROUP BY carrier_key, region_key, ship_month, transit_hours;
