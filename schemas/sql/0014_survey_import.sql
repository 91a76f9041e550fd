-- Survey imports (afterflow survey import), owned by crm/: one row per file run or replay, and
-- every row it refused with where (line), what (the record as it stood in the file) and why, so a
-- refused answer can be looked at and applied again once its cause is fixed (a customer not yet
-- known, say). A run and its rejects are written in the transaction that applies its rows.
CREATE TABLE survey_import_run (
  run_id        {{IDENTITY}},
  file_name     TEXT NOT NULL,
  -- The header record, so stored rejects can be read (and replayed) on their own.
  header_text   TEXT NOT NULL,
  -- A replay applies the outstanding rejects of an earlier run.
  replay_of     BIGINT REFERENCES survey_import_run (run_id),
  rows_read     BIGINT NOT NULL DEFAULT 0,
  imported      BIGINT NOT NULL DEFAULT 0,
  already_known BIGINT NOT NULL DEFAULT 0,
  rejected      BIGINT NOT NULL DEFAULT 0,
  started_at    TEXT NOT NULL
);

CREATE TABLE survey_import_reject (
  run_id      BIGINT NOT NULL REFERENCES survey_import_run (run_id) ON DELETE CASCADE,
  line_no     BIGINT NOT NULL,
  -- Readable: bytes that are not UTF-8 are written as \xNN here and kept exactly in raw_bytes.
  raw_text    TEXT NOT NULL,
  raw_bytes   {{BYTES}},
  reason      TEXT NOT NULL,
  -- The replay that applied it (or found it recorded meanwhile).
  resolved_by BIGINT REFERENCES survey_import_run (run_id),
  PRIMARY KEY (run_id, line_no)
);
