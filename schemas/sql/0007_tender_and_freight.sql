-- Carriers' answers about shipments: their responses to load tenders (X12 990) and their freight
-- invoices (X12 210). Owned by logistics/: only its library writes these tables.

-- A carrier accepting or declining a shipment offered to it. Kept as history, not overwritten:
-- a carrier may decline and another accept, or one accept and later cancel.
CREATE TABLE tender_response (
  tender_response_id    {{IDENTITY}},
  shipment_id           BIGINT NOT NULL REFERENCES shipment (shipment_id) ON DELETE CASCADE,
  carrier_id            BIGINT NOT NULL REFERENCES party (party_id),
  action                TEXT NOT NULL CHECK (action IN ('accepted', 'declined')),
  responded_at          TEXT NOT NULL,
  -- The shipment as the carrier named it (990 B102), kept for people who compare documents.
  carrier_reference     TEXT,
  reason                TEXT,
  source_interchange_id BIGINT REFERENCES interchange (interchange_id),
  recorded_at           TEXT NOT NULL
);
CREATE INDEX tender_response_by_shipment ON tender_response (shipment_id, responded_at);

-- Each freight invoice a carrier sent for a shipment. The shipment's freight_cost_cents and
-- currency are those of its latest invoice; the invoices stay so a correction can be traced.
-- A carrier numbers its invoices: the same number twice is the same invoice.
CREATE TABLE freight_invoice (
  freight_invoice_id    {{IDENTITY}},
  shipment_id           BIGINT NOT NULL REFERENCES shipment (shipment_id) ON DELETE CASCADE,
  carrier_id            BIGINT NOT NULL REFERENCES party (party_id),
  invoice_number        TEXT NOT NULL,
  amount_cents          BIGINT NOT NULL CHECK (amount_cents >= 0),
  currency              TEXT NOT NULL CHECK (length(currency) = 3),
  invoice_date          TEXT,
  source_interchange_id BIGINT REFERENCES interchange (interchange_id),
  recorded_at           TEXT NOT NULL
);
CREATE UNIQUE INDEX freight_invoice_unique_number ON freight_invoice (invoice_number, carrier_id);
CREATE INDEX freight_invoice_by_shipment ON freight_invoice (shipment_id);
