-- Logistics: partner profiles, shipments and their status events, receipts, returns (RMA) and
-- disposal records. Owned by logistics/: only its library writes these tables.
-- Same conventions as 0001: ISO-8601 UTC text timestamps, money in integer cents, enumerations
-- as CHECK constraints so a wrong value is refused whichever program writes it.

-- How afterflow talks to one partner in EDI. One profile per party; the party must hold the
-- profile's role (checked by the library, which reads party_role).
CREATE TABLE partner_profile (
  party_id               BIGINT PRIMARY KEY REFERENCES party (party_id),
  role                   TEXT NOT NULL CHECK (role IN ('carrier', 'recycler', 'dealer', 'client')),
  standard               TEXT NOT NULL CHECK (standard IN ('x12', 'edifact')),
  -- '004010', '005010' for X12; 'D96A', 'D01B' for EDIFACT: the version we write to them.
  version                TEXT NOT NULL,
  -- X12 envelope identity: ISA05/ISA06 (qualifier + id) and GS02 (application sender code).
  x12_isa_qualifier      TEXT,
  x12_isa_id             TEXT,
  x12_gs_code            TEXT,
  -- EDIFACT UNB S002: 0004 identification and 0007 code qualifier.
  edifact_unb_id         TEXT,
  edifact_unb_qualifier  TEXT,
  -- The functional acknowledgment the partner expects, and separately whether it wants TA1
  -- (an interchange-level ack that exists only in X12).
  functional_ack         TEXT NOT NULL CHECK (functional_ack IN ('997', '999', 'CONTRL', 'none')),
  wants_ta1              SMALLINT NOT NULL DEFAULT 0 CHECK (wants_ta1 IN (0, 1)),
  inbox_directory        TEXT,
  outbox_directory       TEXT,
  -- The next outbound control numbers. Only ever incremented (UPDATE ... RETURNING inside the
  -- caller's transaction: the row lock serialises concurrent writers on PostgreSQL, SQLite's
  -- BEGIN IMMEDIATE does the same), so a number handed out is never handed out again.
  next_interchange_number BIGINT NOT NULL DEFAULT 1 CHECK (next_interchange_number >= 1),
  next_group_number       BIGINT NOT NULL DEFAULT 1 CHECK (next_group_number >= 1),
  next_message_number     BIGINT NOT NULL DEFAULT 1 CHECK (next_message_number >= 1),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  CHECK (standard <> 'x12' OR (x12_isa_qualifier IS NOT NULL AND x12_isa_id IS NOT NULL)),
  CHECK (standard <> 'edifact' OR edifact_unb_id IS NOT NULL),
  CHECK ((standard = 'x12' AND functional_ack IN ('997', '999', 'none')) OR
         (standard = 'edifact' AND functional_ack IN ('CONTRL', 'none'))),
  CHECK (standard = 'x12' OR wants_ta1 = 0)
);
-- The intake finds the partner from the envelope's sender; one sender identity names one partner.
-- (NULLs are distinct on both backends, so partners of the other standard do not collide.)
CREATE UNIQUE INDEX partner_profile_by_isa ON partner_profile (x12_isa_id, x12_isa_qualifier);
CREATE UNIQUE INDEX partner_profile_by_unb ON partner_profile (edifact_unb_id, edifact_unb_qualifier);

-- A consignment moved by a carrier on behalf of a client (the logistics firm's customer).
-- References are unique where their issuer numbers them: the bill of lading and the ship
-- notice by the client's side (shipper), the PRO number by the carrier. Each unique index leads
-- with the reference so the intake can also look a shipment up by the reference alone.
CREATE TABLE shipment (
  shipment_id             {{IDENTITY}},
  client_id               BIGINT NOT NULL REFERENCES party (party_id),
  shipper_id              BIGINT REFERENCES party (party_id),
  consignee_id            BIGINT REFERENCES party (party_id),
  carrier_id              BIGINT REFERENCES party (party_id),
  bill_of_lading          TEXT,
  pro_number              TEXT,
  ship_notice_id          TEXT,
  origin_city             TEXT,
  origin_postal_code      TEXT,
  origin_country          TEXT,
  origin_region           TEXT,
  destination_city        TEXT,
  destination_postal_code TEXT,
  destination_country     TEXT,
  destination_region      TEXT,
  transport_mode          TEXT NOT NULL CHECK (transport_mode IN ('road', 'rail', 'sea', 'air', 'pipeline', 'multimodal')),
  distance_km             DOUBLE PRECISION CHECK (distance_km IS NULL OR distance_km >= 0),
  goods_description       TEXT,
  pieces                  INTEGER CHECK (pieces IS NULL OR pieces >= 0),
  weight_kg               DOUBLE PRECISION CHECK (weight_kg IS NULL OR weight_kg >= 0),
  volume_m3               DOUBLE PRECISION CHECK (volume_m3 IS NULL OR volume_m3 >= 0),
  freight_cost_cents      BIGINT CHECK (freight_cost_cents IS NULL OR freight_cost_cents >= 0),
  currency                TEXT CHECK (currency IS NULL OR length(currency) = 3),
  planned_ship_date       TEXT,
  ship_date               TEXT,
  planned_delivery        TEXT,
  promised_delivery       TEXT,
  actual_delivery         TEXT,
  -- 'planned' until a status event says otherwise; then the latest event's normalized status.
  status                  TEXT NOT NULL CHECK (status IN ('planned', 'picked_up', 'in_transit', 'delayed',
                                                          'out_for_delivery', 'delivered', 'exception',
                                                          'damaged', 'lost')),
  source_interchange_id   BIGINT REFERENCES interchange (interchange_id),
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  -- A cost without its currency cannot be summed honestly.
  CHECK (freight_cost_cents IS NULL OR currency IS NOT NULL),
  CHECK (bill_of_lading IS NOT NULL OR pro_number IS NOT NULL OR ship_notice_id IS NOT NULL)
);
CREATE UNIQUE INDEX shipment_unique_bill_of_lading ON shipment (bill_of_lading, client_id);
CREATE UNIQUE INDEX shipment_unique_ship_notice ON shipment (ship_notice_id, client_id);
CREATE UNIQUE INDEX shipment_unique_pro_number ON shipment (pro_number, carrier_id);
-- Reports: volumes, on-time and accident rates by client, carrier and region over date ranges.
CREATE INDEX shipment_by_client_date ON shipment (client_id, ship_date);
CREATE INDEX shipment_by_carrier_date ON shipment (carrier_id, ship_date);
CREATE INDEX shipment_by_destination_region_date ON shipment (destination_region, ship_date);
CREATE INDEX shipment_by_ship_date ON shipment (ship_date);
CREATE INDEX shipment_by_source ON shipment (source_interchange_id);

CREATE TABLE shipment_line (
  shipment_id       BIGINT NOT NULL REFERENCES shipment (shipment_id) ON DELETE CASCADE,
  line_no           INTEGER NOT NULL CHECK (line_no > 0),
  product_id        BIGINT REFERENCES product (product_id),
  sku               TEXT,
  description       TEXT,
  quantity_shipped  DOUBLE PRECISION NOT NULL CHECK (quantity_shipped >= 0),
  -- Sums over the receipts against this line, kept by the library when a receipt is recorded;
  -- NULL until one is.
  quantity_received DOUBLE PRECISION CHECK (quantity_received IS NULL OR quantity_received >= 0),
  quantity_damaged  DOUBLE PRECISION CHECK (quantity_damaged IS NULL OR quantity_damaged >= 0),
  unit              TEXT NOT NULL,
  PRIMARY KEY (shipment_id, line_no)
);
CREATE INDEX shipment_line_by_product ON shipment_line (product_id);

-- A status report about a shipment, as a carrier sent it (X12 214 AT7, EDIFACT IFTSTA STS) and
-- normalized. An event may arrive before its shipment: it is then kept with shipment_id NULL
-- and linked when the shipment is recorded.
CREATE TABLE shipment_event (
  event_id              {{IDENTITY}},
  shipment_id           BIGINT REFERENCES shipment (shipment_id) ON DELETE CASCADE,
  carrier_id            BIGINT REFERENCES party (party_id),
  reference_kind        TEXT NOT NULL CHECK (reference_kind IN ('bill_of_lading', 'pro_number', 'ship_notice_id')),
  reference             TEXT NOT NULL,
  event_time            TEXT NOT NULL,
  city                  TEXT,
  region                TEXT,
  country               TEXT,
  -- Which code list status_code and reason_code come from: X12 elements 1650/1651 (AT701/AT702),
  -- EDIFACT 9011/9013 (UN/ECE Rec. 24 style), or afterflow's own statuses (e.g. a CSV import).
  code_list             TEXT NOT NULL CHECK (code_list IN ('x12', 'edifact', 'afterflow')),
  status_code           TEXT NOT NULL,
  reason_code           TEXT,
  normalized_status     TEXT NOT NULL CHECK (normalized_status IN ('picked_up', 'in_transit', 'delayed',
                                                                     'out_for_delivery', 'delivered', 'exception',
                                                                     'damaged', 'lost')),
  source_interchange_id BIGINT REFERENCES interchange (interchange_id),
  recorded_at           TEXT NOT NULL
);
CREATE INDEX shipment_event_by_shipment ON shipment_event (shipment_id, event_time);
-- Only the events still waiting for their shipment: small, and what a new shipment looks up.
CREATE INDEX shipment_event_unlinked ON shipment_event (reference, reference_kind) WHERE shipment_id IS NULL;
-- Reports: accident rate (damage, loss, incident) and delivery times over a period.
CREATE INDEX shipment_event_by_status_time ON shipment_event (normalized_status, event_time);

-- What arrived at a warehouse against a shipment (X12 944/861, EDIFACT RECADV).
CREATE TABLE receipt (
  receipt_id            {{IDENTITY}},
  shipment_id           BIGINT NOT NULL REFERENCES shipment (shipment_id),
  receipt_number        TEXT NOT NULL,
  warehouse_id          BIGINT REFERENCES party (party_id),
  warehouse             TEXT,
  received_at           TEXT NOT NULL,
  source_interchange_id BIGINT REFERENCES interchange (interchange_id),
  recorded_at           TEXT NOT NULL
);
-- The receiving side numbers its receipts. A receipt of no named warehouse party counts as one
-- more warehouse (0): NULLs are distinct in a unique index, which would let any number repeat.
CREATE UNIQUE INDEX receipt_unique_number ON receipt (receipt_number, COALESCE(warehouse_id, 0));
CREATE INDEX receipt_by_shipment ON receipt (shipment_id);
CREATE INDEX receipt_by_time ON receipt (received_at);

CREATE TABLE receipt_line (
  receipt_id        BIGINT NOT NULL REFERENCES receipt (receipt_id) ON DELETE CASCADE,
  line_no           INTEGER NOT NULL CHECK (line_no > 0),
  -- The announced line it answers; NULL for goods that were not announced at all.
  shipment_line_no  INTEGER,
  product_id        BIGINT REFERENCES product (product_id),
  sku               TEXT,
  quantity_received DOUBLE PRECISION NOT NULL CHECK (quantity_received >= 0),
  quantity_damaged  DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (quantity_damaged >= 0),
  quantity_short    DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (quantity_short >= 0),
  quantity_over     DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (quantity_over >= 0),
  unit              TEXT NOT NULL,
  PRIMARY KEY (receipt_id, line_no)
);

-- A return authorisation (X12 180, EDIFACT RETANN/RETINS): what comes back, why, and what is
-- decided about it. status is the latest step of rma_status_history.
CREATE TABLE rma (
  rma_id                {{IDENTITY}},
  rma_number            TEXT NOT NULL UNIQUE,
  customer_id           BIGINT REFERENCES party (party_id),
  dealer_id             BIGINT REFERENCES party (party_id),
  reason_code           TEXT,
  reason                TEXT,
  status                TEXT NOT NULL CHECK (status IN ('requested', 'authorized', 'in_transit', 'received',
                                                          'inspected', 'disposition_decided', 'closed')),
  disposition           TEXT CHECK (disposition IS NULL OR disposition IN ('restock', 'refurbish', 'repair',
                                                                             'return_to_vendor', 'recycle', 'dispose')),
  status_changed_at     TEXT NOT NULL,
  source_interchange_id BIGINT REFERENCES interchange (interchange_id),
  created_at            TEXT NOT NULL,
  -- A decided disposition is part of the steps after inspection; before it there is none.
  CHECK (status <> 'disposition_decided' OR disposition IS NOT NULL)
);
CREATE INDEX rma_by_status ON rma (status, status_changed_at);
CREATE INDEX rma_by_dealer ON rma (dealer_id, created_at);
CREATE INDEX rma_by_customer ON rma (customer_id);

-- Every step an RMA went through, with its time: return processing time (received to
-- disposition) is measured here. Each step happens at most once.
CREATE TABLE rma_status_history (
  rma_id     BIGINT NOT NULL REFERENCES rma (rma_id) ON DELETE CASCADE,
  status     TEXT NOT NULL CHECK (status IN ('requested', 'authorized', 'in_transit', 'received',
                                              'inspected', 'disposition_decided', 'closed')),
  changed_at TEXT NOT NULL,
  note       TEXT,
  PRIMARY KEY (rma_id, status)
);
CREATE INDEX rma_status_history_by_status_time ON rma_status_history (status, changed_at);

CREATE TABLE rma_line (
  rma_id      BIGINT NOT NULL REFERENCES rma (rma_id) ON DELETE CASCADE,
  line_no     INTEGER NOT NULL CHECK (line_no > 0),
  product_id  BIGINT REFERENCES product (product_id),
  sku         TEXT,
  description TEXT,
  quantity    DOUBLE PRECISION NOT NULL CHECK (quantity > 0),
  unit        TEXT NOT NULL,
  PRIMARY KEY (rma_id, line_no)
);
CREATE INDEX rma_line_by_product ON rma_line (product_id);

CREATE TABLE rma_serial (
  rma_id        BIGINT NOT NULL,
  line_no       INTEGER NOT NULL,
  serial_number TEXT NOT NULL,
  PRIMARY KEY (rma_id, line_no, serial_number),
  FOREIGN KEY (rma_id, line_no) REFERENCES rma_line (rma_id, line_no) ON DELETE CASCADE
);
-- A serial number's history: which returns it went through.
CREATE INDEX rma_serial_by_serial ON rma_serial (serial_number);

-- What a recycler did with returned goods (the disposal report, schemas/xsd; e-Manifest adapters).
-- EWC codes are stored as their six digits; the list marks hazardous entries with an asterisk,
-- kept here as the hazardous flag. Operation codes are those of Directive 2008/98/EC,
-- Annex I (D1-D15) and Annex II (R1-R13). The library checks the EWC digits: a portable CHECK
-- cannot say "digits only" on both backends.
CREATE TABLE disposal_record (
  disposal_id           {{IDENTITY}},
  recycler_id           BIGINT NOT NULL REFERENCES party (party_id),
  rma_id                BIGINT REFERENCES rma (rma_id),
  ewc_code              TEXT NOT NULL CHECK (length(ewc_code) = 6),
  hazardous             SMALLINT NOT NULL CHECK (hazardous IN (0, 1)),
  quantity              DOUBLE PRECISION NOT NULL CHECK (quantity > 0),
  unit                  TEXT NOT NULL CHECK (unit IN ('kg', 't', 'units', 'l', 'm3')),
  quantity_basis        TEXT NOT NULL CHECK (quantity_basis IN ('measured', 'estimated')),
  operation_code        TEXT NOT NULL CHECK (operation_code IN (
                          'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12', 'R13',
                          'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12', 'D13',
                          'D14', 'D15')),
  permit_number         TEXT NOT NULL,
  certificate_number    TEXT,
  received_at           TEXT,
  treated_at            TEXT,
  certificate_issued_at TEXT,
  source_interchange_id BIGINT REFERENCES interchange (interchange_id),
  recorded_at           TEXT NOT NULL
);
-- A recycler numbers its certificates.
CREATE UNIQUE INDEX disposal_record_unique_certificate ON disposal_record (certificate_number, recycler_id);
CREATE INDEX disposal_record_by_rma ON disposal_record (rma_id);
-- Reports: weight by R/D code and recovery rate per recycler and period.
CREATE INDEX disposal_record_by_recycler_time ON disposal_record (recycler_id, treated_at);

CREATE TABLE disposal_serial (
  disposal_id   BIGINT NOT NULL REFERENCES disposal_record (disposal_id) ON DELETE CASCADE,
  serial_number TEXT NOT NULL,
  PRIMARY KEY (disposal_id, serial_number)
);
CREATE INDEX disposal_serial_by_serial ON disposal_serial (serial_number);
