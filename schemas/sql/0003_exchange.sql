-- The partner exchange (DESIGN.md, "Data flow"): what validation found in each stored
-- interchange, kept for inspection and replay, and which outbound interchange answers which
-- inbound one (an acknowledgment). Owned by exchange/.

-- Every diagnostic of the last validation of an interchange: where (interchange, group and
-- message index, segment position and tag, element, component) and why (stable code, text).
-- Replaced as a whole when the interchange is validated again.
CREATE TABLE interchange_diagnostic (
  interchange_id BIGINT NOT NULL REFERENCES interchange (interchange_id) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,
  severity       TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
  code           TEXT NOT NULL,
  message        TEXT NOT NULL,
  line           INTEGER,
  byte_offset    BIGINT,
  interchange_no INTEGER,
  group_no       INTEGER,
  message_no     INTEGER,
  segment_no     INTEGER,
  segment_tag    TEXT,
  element_no     INTEGER,
  component_no   INTEGER,
  PRIMARY KEY (interchange_id, seq)
);

-- An outbound interchange that answers an inbound one (997, 999, TA1, CONTRL), so that an
-- acknowledgment is written once per inbound interchange, however often it is processed.
ALTER TABLE interchange ADD COLUMN answers_id BIGINT REFERENCES interchange (interchange_id);
CREATE UNIQUE INDEX interchange_one_answer ON interchange (answers_id);
