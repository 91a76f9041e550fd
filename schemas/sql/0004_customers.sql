-- The customer database (DESIGN.md: crm/): customers' profiles, their purchases as the POS
-- systems report them, the installed base, credit and risk, service cases and surveys. Owned by
-- crm/, except the POS import runs and their rejects, owned by pos-import/.
-- Conventions of 0001: ISO-8601 UTC text timestamps, dates as 'YYYY-MM-DD', money in cents.

-- What afterflow knows about a customer beyond the party row. A customer found to be the same
-- person as another is merged by pointing merged_into at the one that stays: facts (sales,
-- cases, surveys) keep the party they came with, and every query resolves identity through
-- merged_into, so an unmerge is undoing one column.
CREATE TABLE customer_profile (
  party_id         BIGINT PRIMARY KEY REFERENCES party (party_id),
  age_band         TEXT CHECK (age_band IS NULL OR age_band IN ('under-25', '25-34', '35-44', '45-54', '55-64', '65+')),
  gender           TEXT CHECK (gender IS NULL OR gender IN ('female', 'male', 'diverse')),
  income_band      TEXT CHECK (income_band IS NULL OR income_band IN ('low', 'lower-middle', 'middle', 'upper-middle', 'high')),
  tier             TEXT NOT NULL DEFAULT 'standard' CHECK (tier IN ('standard', 'silver', 'gold', 'platinum')),
  -- Matching keys: lower-cased e-mail without surrounding space; phone as digits with country code.
  email_key        TEXT,
  phone_key        TEXT,
  merged_into      BIGINT REFERENCES party (party_id),
  merged_at        TEXT,
  created_at       TEXT NOT NULL,
  CHECK (merged_into IS NULL OR merged_into <> party_id)
);
CREATE INDEX customer_profile_by_email ON customer_profile (email_key);
CREATE INDEX customer_profile_by_phone ON customer_profile (phone_key);
CREATE INDEX customer_profile_by_merge ON customer_profile (merged_into);

-- One POS transaction: a sale or a return at a store (dealer) on a business day. source_key
-- identifies it across files (POSLog: retail store, workstation, business day, sequence
-- number; CSV: the columns the mapping names), so a transaction is never imported twice.
CREATE TABLE sale (
  sale_id        {{IDENTITY}},
  source_key     TEXT NOT NULL UNIQUE,
  source_format  TEXT NOT NULL CHECK (source_format IN ('csv', 'poslog', 'x12-852', 'slsrpt')),
  kind           TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
  dealer_id      BIGINT REFERENCES party (party_id),
  store_code     TEXT,
  workstation    TEXT,
  operator       TEXT,
  business_day   TEXT NOT NULL,
  occurred_at    TEXT NOT NULL,
  customer_id    BIGINT REFERENCES party (party_id),
  loyalty_id     TEXT,
  currency       TEXT NOT NULL DEFAULT 'EUR',
  total_cents    BIGINT NOT NULL,
  import_run_id  BIGINT,
  created_at     TEXT NOT NULL
);
CREATE INDEX sale_by_customer ON sale (customer_id, occurred_at);
CREATE INDEX sale_by_dealer ON sale (dealer_id, business_day);
CREATE INDEX sale_by_day ON sale (business_day);

CREATE TABLE sale_line (
  sale_id          BIGINT NOT NULL REFERENCES sale (sale_id) ON DELETE CASCADE,
  line_no          INTEGER NOT NULL,
  product_id       BIGINT REFERENCES product (product_id),
  sku              TEXT,
  description      TEXT,
  quantity         DOUBLE PRECISION NOT NULL,
  unit_price_cents BIGINT,
  amount_cents     BIGINT NOT NULL,
  -- Cost of goods, when the source gives it or the product catalog knows it: margins for ABC.
  cost_cents       BIGINT,
  serial_number    TEXT,
  return_reason    TEXT,
  disposal_method  TEXT,
  PRIMARY KEY (sale_id, line_no)
);
CREATE INDEX sale_line_by_product ON sale_line (product_id);
CREATE INDEX sale_line_by_serial ON sale_line (serial_number);

-- The installed base: serial-numbered units sold, with the warranty their product's terms give.
CREATE TABLE installed_unit (
  unit_id        {{IDENTITY}},
  product_id     BIGINT REFERENCES product (product_id),
  sku            TEXT,
  serial_number  TEXT NOT NULL,
  customer_id    BIGINT REFERENCES party (party_id),
  dealer_id      BIGINT REFERENCES party (party_id),
  sale_id        BIGINT REFERENCES sale (sale_id),
  sold_on        TEXT NOT NULL,
  warranty_end   TEXT,
  status         TEXT NOT NULL DEFAULT 'installed' CHECK (status IN ('installed', 'returned', 'recycled')),
  UNIQUE (sku, serial_number)
);
CREATE INDEX installed_unit_by_customer ON installed_unit (customer_id);
CREATE INDEX installed_unit_by_serial ON installed_unit (serial_number);

-- Credit and risk per customer or dealer.
CREATE TABLE credit_account (
  party_id           BIGINT PRIMARY KEY REFERENCES party (party_id),
  credit_limit_cents BIGINT NOT NULL CHECK (credit_limit_cents >= 0),
  rating             TEXT NOT NULL CHECK (rating IN ('A', 'B', 'C', 'D', 'E')),
  exposure_cents     BIGINT NOT NULL DEFAULT 0,
  overdue            SMALLINT NOT NULL DEFAULT 0 CHECK (overdue IN (0, 1)),
  updated_at         TEXT NOT NULL
);

-- Service level targets per customer tier and case kind, in hours.
CREATE TABLE sla_target (
  tier                 TEXT NOT NULL CHECK (tier IN ('standard', 'silver', 'gold', 'platinum')),
  case_kind            TEXT NOT NULL CHECK (case_kind IN ('inquiry', 'complaint', 'installation', 'maintenance', 'warranty_claim')),
  first_response_hours INTEGER NOT NULL CHECK (first_response_hours > 0),
  resolution_hours     INTEGER NOT NULL CHECK (resolution_hours > 0),
  PRIMARY KEY (tier, case_kind)
);
INSERT INTO sla_target (tier, case_kind, first_response_hours, resolution_hours) VALUES
  ('standard', 'inquiry', 24, 72), ('standard', 'complaint', 24, 120), ('standard', 'installation', 48, 240),
  ('standard', 'maintenance', 48, 240), ('standard', 'warranty_claim', 24, 240),
  ('silver', 'inquiry', 12, 48), ('silver', 'complaint', 12, 96), ('silver', 'installation', 24, 168),
  ('silver', 'maintenance', 24, 168), ('silver', 'warranty_claim', 12, 168),
  ('gold', 'inquiry', 8, 24), ('gold', 'complaint', 8, 72), ('gold', 'installation', 24, 120),
  ('gold', 'maintenance', 24, 120), ('gold', 'warranty_claim', 8, 120),
  ('platinum', 'inquiry', 4, 12), ('platinum', 'complaint', 4, 48), ('platinum', 'installation', 12, 72),
  ('platinum', 'maintenance', 12, 72), ('platinum', 'warranty_claim', 4, 72);

-- Service cases. The SLA targets in force when the case was opened are copied onto it, so a
-- later change of tier or targets does not rewrite history.
CREATE TABLE service_case (
  case_id                  {{IDENTITY}},
  case_number              TEXT NOT NULL UNIQUE,
  customer_id              BIGINT NOT NULL REFERENCES party (party_id),
  kind                     TEXT NOT NULL CHECK (kind IN ('inquiry', 'complaint', 'installation', 'maintenance', 'warranty_claim')),
  serial_number            TEXT,
  summary                  TEXT,
  opened_at                TEXT NOT NULL,
  first_response_at        TEXT,
  resolved_at              TEXT,
  first_response_target_h  INTEGER NOT NULL,
  resolution_target_h      INTEGER NOT NULL,
  remedial_action          TEXT,
  CHECK (first_response_at IS NULL OR first_response_at >= opened_at),
  CHECK (resolved_at IS NULL OR resolved_at >= opened_at)
);
CREATE INDEX service_case_by_customer ON service_case (customer_id, opened_at);
CREATE INDEX service_case_by_opened ON service_case (opened_at);

-- Survey answers: CSAT (1-5), NPS (0-10), and the exit survey of customers who left (why).
CREATE TABLE survey_response (
  response_id   {{IDENTITY}},
  source_key    TEXT NOT NULL UNIQUE,
  customer_id   BIGINT NOT NULL REFERENCES party (party_id),
  survey        TEXT NOT NULL CHECK (survey IN ('csat', 'nps', 'exit')),
  answered_at   TEXT NOT NULL,
  score         INTEGER,
  lost_reason   TEXT,
  comment       TEXT,
  CHECK ((survey = 'csat' AND score BETWEEN 1 AND 5) OR (survey = 'nps' AND score BETWEEN 0 AND 10) OR
         (survey = 'exit' AND lost_reason IS NOT NULL))
);
CREATE INDEX survey_response_by_customer ON survey_response (customer_id, answered_at);
CREATE INDEX survey_response_by_answered ON survey_response (survey, answered_at);

-- POS import runs and the rows or elements they refused (owned by pos-import/): kept with where
-- and why, so they can be looked at, fixed and imported again.
CREATE TABLE pos_import_run (
  run_id         {{IDENTITY}},
  file_name      TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  source_format  TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  finished_at    TEXT,
  transactions   BIGINT NOT NULL DEFAULT 0,
  imported       BIGINT NOT NULL DEFAULT 0,
  already_known  BIGINT NOT NULL DEFAULT 0,
  rejected       BIGINT NOT NULL DEFAULT 0,
  status         TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed'))
);

CREATE TABLE pos_import_reject (
  run_id    BIGINT NOT NULL REFERENCES pos_import_run (run_id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  location  TEXT NOT NULL,
  reason    TEXT NOT NULL,
  raw       TEXT,
  PRIMARY KEY (run_id, seq)
);
