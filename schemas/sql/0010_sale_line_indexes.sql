-- Indexes of sale_line that no query uses, dropped: every POS line paid for them at import.
-- No query reads sale_line by product or by serial: product margins and ABC go from sale (by
-- business day) to its lines by primary key, and serial numbers are looked up in the installed
-- base (installed_unit (sku, serial_number)), which the sales ledger keeps for exactly that. The
-- indexes of sale all serve a query: source_key the import's dedupe, sale_by_customer the
-- purchase history, sale_by_dealer a dealer's sales (customer show), sale_by_day the period
-- filters of the segmentations. (Owned by crm/.)
DROP INDEX sale_line_by_product;
DROP INDEX sale_line_by_serial;
