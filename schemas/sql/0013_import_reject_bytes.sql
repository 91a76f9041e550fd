-- A rejected shipment row whose bytes are not UTF-8 text (a Latin-1 export, a stray NUL) keeps
-- them here, exactly, for the rejects file and a replay; raw_text then holds a readable copy with
-- the bad bytes written as \xNN, since PostgreSQL text cannot hold them. NULL for every other row.
ALTER TABLE import_reject ADD COLUMN raw_bytes {{BYTES}};
