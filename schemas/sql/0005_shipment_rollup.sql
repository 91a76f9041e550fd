-- Report rollups, kept current in the transaction that writes shipments, events and receipts
-- (logistics/shipment_rollup.h), so that a quarterly report reads a few thousand rows instead
-- of scanning millions of shipments. Owned by logistics/; reports/ only reads them.
-- Weights are summed in whole grams: integer sums are exact whatever the order of adding.
-- Keys: no carrier is carrier_key 0, no destination region is region_key ''. Shipments without a
-- ship date are in no period and in no rollup.

-- What each shipment last contributed to the rollups, so that a change subtracts exactly that
-- and adds the new contribution.
CREATE TABLE shipment_fact (
  shipment_id      BIGINT PRIMARY KEY REFERENCES shipment (shipment_id) ON DELETE CASCADE,
  client_id        BIGINT NOT NULL,
  carrier_key      BIGINT NOT NULL,
  region_key       TEXT NOT NULL,
  ship_day         TEXT NOT NULL,
  pieces           BIGINT NOT NULL,
  weight_g         BIGINT NOT NULL,
  freight_cents    BIGINT NOT NULL,
  delivered        SMALLINT NOT NULL,
  promised         SMALLINT NOT NULL,
  on_time          SMALLINT NOT NULL,
  planned          SMALLINT NOT NULL,
  shipped_on_time  SMALLINT NOT NULL,
  received         SMALLINT NOT NULL,
  accurate         SMALLINT NOT NULL,
  lines            BIGINT NOT NULL,
  lines_accurate   BIGINT NOT NULL,
  accident         SMALLINT NOT NULL,
  on_time_in_full  SMALLINT NOT NULL,
  transit_hours    BIGINT
);

-- Sums of shipment_fact per client, carrier, destination region and ship day.
CREATE TABLE shipment_rollup (
  client_id        BIGINT NOT NULL,
  carrier_key      BIGINT NOT NULL,
  region_key       TEXT NOT NULL,
  ship_day         TEXT NOT NULL,
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
  PRIMARY KEY (client_id, ship_day, carrier_key, region_key)
);
CREATE INDEX shipment_rollup_by_day ON shipment_rollup (ship_day);

-- The distribution of transit times (whole hours) per client, carrier, region and ship month:
-- percentiles come from it exactly. Months, not days: every report period is made of months.
CREATE TABLE shipment_transit_rollup (
  client_id      BIGINT NOT NULL,
  carrier_key    BIGINT NOT NULL,
  region_key     TEXT NOT NULL,
  ship_month     TEXT NOT NULL,
  transit_hours  BIGINT NOT NULL,
  shipments      BIGINT NOT NULL,
  PRIMARY KEY (client_id, ship_month, carrier_key, region_key, transit_hours)
);
