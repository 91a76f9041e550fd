-- A status event is the same event when the same carrier reports the same status (code list,
-- status and reason code) for the same reference, as received, at the same time and place. A
-- carrier that resends a 214 or IFTSTA under a new interchange control number reports its events
-- again: the unique index below makes each of them a no-op the intake counts
-- (logistics::StatusEventLog::record, docs/EXCHANGE.md "Status events"). The reference as
-- received, not the shipment, is in the key: it is what a resend repeats, and it does not change
-- when a waiting event is linked to its shipment, so linking can never collide.
--
-- Repeats recorded before this migration move to shipment_event_repeat, kept for inspection with
-- the event that stays (the first recorded), so that creating the index cannot fail. They carry
-- the same status at the same time as the one that stays: no shipment's status or dates change.
CREATE TABLE shipment_event_repeat (
  event_id              BIGINT PRIMARY KEY,
  kept_event_id         BIGINT NOT NULL,
  shipment_id           BIGINT,
  carrier_id            BIGINT,
  reference_kind        TEXT NOT NULL,
  reference             TEXT NOT NULL,
  event_time            TEXT NOT NULL,
  city                  TEXT,
  region                TEXT,
  country               TEXT,
  code_list             TEXT NOT NULL,
  status_code           TEXT NOT NULL,
  reason_code           TEXT,
  normalized_status     TEXT NOT NULL,
  source_interchange_id BIGINT,
  recorded_at           TEXT NOT NULL
);
INSERT INTO shipment_event_repeat (event_id, kept_event_id, shipment_id, carrier_id, reference_kind, reference,
                                   event_time, city, region, country, code_list, status_code, reason_code,
                                   normalized_status, source_interchange_id, recorded_at)
SELECT e.event_id, k.kept_event_id, e.shipment_id, e.carrier_id, e.reference_kind, e.reference, e.event_time, e.city,
       e.region, e.country, e.code_list, e.status_code, e.reason_code, e.normalized_status, e.source_interchange_id,
       e.recorded_at
  FROM shipment_event e
  JOIN (SELECT min(event_id) AS kept_event_id, COALESCE(carrier_id, 0) AS carrier, reference_kind, reference,
               code_list, status_code, COALESCE(reason_code, '') AS reason, event_time, COALESCE(city, '') AS city,
               COALESCE(region, '') AS region, COALESCE(country, '') AS country
          FROM shipment_event
         GROUP BY COALESCE(carrier_id, 0), reference_kind, reference, code_list, status_code,
                  COALESCE(reason_code, ''), event_time, COALESCE(city, ''), COALESCE(region, ''),
                  COALESCE(country, '')
        HAVING count(*) > 1) k
    ON COALESCE(e.carrier_id, 0) = k.carrier AND e.reference_kind = k.reference_kind AND e.reference = k.reference
   AND e.code_list = k.code_list AND e.status_code = k.status_code AND COALESCE(e.reason_code, '') = k.reason
   AND e.event_time = k.event_time AND COALESCE(e.city, '') = k.city AND COALESCE(e.region, '') = k.region
   AND COALESCE(e.country, '') = k.country
 WHERE e.event_id <> k.kept_event_id;
DELETE FROM shipment_event WHERE event_id IN (SELECT event_id FROM shipment_event_repeat);
CREATE UNIQUE INDEX shipment_event_natural_key ON shipment_event (
  COALESCE(carrier_id, 0), reference_kind, reference, code_list, status_code, COALESCE(reason_code, ''), event_time,
  COALESCE(city, ''), COALESCE(region, ''), COALESCE(country, ''));

-- Every envelope (ISA, UNB) of an applied inbound file, not only the first one the interchange
-- row names: a partner may resend one interchange of a multi-interchange file alone or inside
-- another file, and its messages must not be applied twice (exchange/applied_envelopes.h). Rows
-- are written in the transaction that applies the file. Files applied before this migration
-- are known by their first envelope.
CREATE TABLE interchange_envelope (
  interchange_id BIGINT NOT NULL REFERENCES interchange (interchange_id),
  standard       TEXT NOT NULL,
  sender_id      TEXT NOT NULL,
  control_number TEXT NOT NULL
);
CREATE UNIQUE INDEX interchange_envelope_unique ON interchange_envelope (standard, sender_id, control_number);
INSERT INTO interchange_envelope (interchange_id, standard, sender_id, control_number)
SELECT interchange_id, standard, sender_id, control_number FROM interchange
 WHERE direction = 'inbound' AND status = 'applied' AND standard IN ('x12', 'edifact')
   AND sender_id IS NOT NULL AND control_number IS NOT NULL;
