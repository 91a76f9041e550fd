-- File imports (afterflow import shipments): one row per run, the rows it refused, and where
-- each imported shipment came from. Owned by exchange/ (the run and its rejects) and logistics/
-- (the shipment columns). Same conventions as 0001: ISO-8601 UTC text timestamps.

-- One import of one file. Kept first, in its own transaction, before any row is applied: a run
-- that stays 'running' was interrupted and is taken up again by the next import of the same
-- content. Applying the rows and setting 'applied' happen in one transaction, so a file's rows
-- go in once, whole, or not at all.
CREATE TABLE import_run (
  run_id        {{IDENTITY}},
  kind          TEXT NOT NULL CHECK (kind IN ('shipments')),
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  byte_count    BIGINT NOT NULL CHECK (byte_count >= 0),
  -- A replay re-applies the outstanding rejects of an earlier run.
  replay_of     BIGINT REFERENCES import_run (run_id),
  status        TEXT NOT NULL CHECK (status IN ('running', 'applied', 'failed')),
  rows_read     BIGINT NOT NULL DEFAULT 0,
  rows_applied  BIGINT NOT NULL DEFAULT 0,
  rows_rejected BIGINT NOT NULL DEFAULT 0,
  attempts      INTEGER NOT NULL DEFAULT 1,
  error         TEXT,
  -- The header record of the file, so stored rejects can be read (and replayed) on their own.
  header_text   TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT
);
-- The same content is imported once (replays are runs over stored rows, not over a file).
CREATE UNIQUE INDEX import_run_unique_content ON import_run (kind, sha256) WHERE replay_of IS NULL;

-- A row a run refused: where (line), what (the raw record as it stood in the file) and why
-- (a stable problem code, the column, one sentence). A replay that applies it sets resolved_by.
CREATE TABLE import_reject (
  run_id      BIGINT NOT NULL REFERENCES import_run (run_id) ON DELETE CASCADE,
  line_no     BIGINT NOT NULL,
  raw_text    TEXT NOT NULL,
  code        TEXT NOT NULL,
  field       TEXT,
  reason      TEXT NOT NULL,
  resolved_by BIGINT REFERENCES import_run (run_id),
  PRIMARY KEY (run_id, line_no)
);

-- Where an imported shipment came from: the run and the line, as source_interchange_id does for
-- EDI. The batch write finds the rows it applied (and so those it did not) through this index.
ALTER TABLE shipment ADD COLUMN source_import_run_id BIGINT REFERENCES import_run (run_id);
ALTER TABLE shipment ADD COLUMN source_line BIGINT;
CREATE INDEX shipment_by_import ON shipment (source_import_run_id, source_line);
