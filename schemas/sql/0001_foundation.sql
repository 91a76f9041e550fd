-- The foundation: parties and their roles, products, and the interchange store.
-- Timestamps are ISO-8601 UTC text ('2026-10-01T08:30:00.000Z'): they sort and compare the
-- same way on every backend. Money is in minor units (cents) as integers, so sums are exact.

-- Every organisation or person afterflow deals with: customers, dealers, clients, carriers,
-- recyclers, manufacturers. One party may hold several roles. Owned by crm/.
CREATE TABLE party (
  party_id    {{IDENTITY}},
  party_code  TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL DEFAULT 'organisation' CHECK (kind IN ('organisation', 'person')),
  email       TEXT,
  phone       TEXT,
  street      TEXT,
  city        TEXT,
  postal_code TEXT,
  region      TEXT,
  country     TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE party_role (
  party_id BIGINT NOT NULL REFERENCES party (party_id) ON DELETE CASCADE,
  role     TEXT NOT NULL CHECK (role IN ('customer', 'dealer', 'client', 'carrier', 'recycler', 'manufacturer')),
  PRIMARY KEY (party_id, role)
);
CREATE INDEX party_role_by_role ON party_role (role, party_id);

-- Identifiers others know a party by: EDI sender ids with their qualifier ('x12:ZZ',
-- 'edifact:14'), GLN, DUNS, loyalty card numbers. An identifier names one party only.
CREATE TABLE party_identifier (
  party_id BIGINT NOT NULL REFERENCES party (party_id) ON DELETE CASCADE,
  scheme   TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (scheme, value)
);
CREATE INDEX party_identifier_by_party ON party_identifier (party_id);

-- What is sold, shipped, serviced and recycled. Owned by crm/.
CREATE TABLE product (
  product_id         {{IDENTITY}},
  sku                TEXT NOT NULL UNIQUE,
  gtin               TEXT UNIQUE,
  name               TEXT NOT NULL,
  category           TEXT,
  manufacturer_id    BIGINT REFERENCES party (party_id),
  unit_weight_kg     DOUBLE PRECISION CHECK (unit_weight_kg IS NULL OR unit_weight_kg >= 0),
  unit_volume_m3     DOUBLE PRECISION CHECK (unit_volume_m3 IS NULL OR unit_volume_m3 >= 0),
  unit_price_cents   BIGINT,
  serialized         SMALLINT NOT NULL DEFAULT 0 CHECK (serialized IN (0, 1)),
  warranty_months    INTEGER CHECK (warranty_months IS NULL OR warranty_months >= 0),
  created_at         TEXT NOT NULL
);

-- The interchange store (DESIGN.md, "Data flow"): every file that comes in or goes out, kept
-- as raw bytes before anything else happens to it. Owned by logistics/ (the partner exchange).
CREATE TABLE interchange (
  interchange_id    {{IDENTITY}},
  direction         TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  partner_id        BIGINT REFERENCES party (party_id),
  standard          TEXT NOT NULL CHECK (standard IN ('x12', 'edifact', 'xml', 'json', 'csv', 'unknown')),
  version           TEXT,
  sender_id         TEXT,
  receiver_id       TEXT,
  control_number    TEXT,
  file_name         TEXT,
  byte_count        BIGINT NOT NULL CHECK (byte_count >= 0),
  sha256            TEXT NOT NULL,
  received_at       TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('received', 'valid', 'invalid', 'acknowledged',
                                                    'applied', 'failed', 'sent')),
  status_changed_at TEXT NOT NULL,
  error             TEXT,
  attempts          INTEGER NOT NULL DEFAULT 0
);
-- A duplicate is the same content, or the same control number from the same sender.
CREATE UNIQUE INDEX interchange_unique_content ON interchange (direction, sha256);
CREATE UNIQUE INDEX interchange_unique_control ON interchange (direction, standard, sender_id, control_number);
CREATE INDEX interchange_by_status ON interchange (status, received_at);
CREATE INDEX interchange_by_partner ON interchange (partner_id, received_at);

-- Raw bytes in chunks, so a multi-gigabyte file never needs one field that large.
CREATE TABLE interchange_chunk (
  interchange_id BIGINT NOT NULL REFERENCES interchange (interchange_id) ON DELETE CASCADE,
  chunk_no       INTEGER NOT NULL,
  bytes          {{BYTES}} NOT NULL,
  PRIMARY KEY (interchange_id, chunk_no)
);
