-- POS import rejects kept exactly, for `afterflow import pos-show` and a fixed file imported
-- again. raw keeps a readable copy (a Latin-1 row decoded by its mapping, bytes that are not
-- UTF-8 written as \xNN); raw_bytes the bytes as they stood in the file whenever they differ from
-- raw, NULL otherwise. A CSV run keeps its header record the same way, so its refused rows can
-- be written out as a file the same mapping reads, and the mapping the run was read with.
ALTER TABLE pos_import_reject ADD COLUMN raw_bytes {{BYTES}};
ALTER TABLE pos_import_run ADD COLUMN header_text TEXT;
ALTER TABLE pos_import_run ADD COLUMN header_bytes {{BYTES}};
ALTER TABLE pos_import_run ADD COLUMN mapping_file TEXT;
