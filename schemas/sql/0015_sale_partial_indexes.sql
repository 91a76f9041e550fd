-- The indexes of sale and installed_unit by customer and by dealer hold only the rows that have
-- one: a sale without a known customer (most walk-in sales) or from a store no dealer is known
-- for no longer adds an entry to them at import. Every query through them names the party
-- (customer_id = ?, IN (...), IS NOT NULL; dealer_id = ?), which both databases take as
-- implying the index's condition. (Owned by crm/; measured in docs/PERFORMANCE.md, "POS import".)
DROP INDEX sale_by_customer;
CREATE INDEX sale_by_customer ON sale (customer_id, occurred_at) WHERE customer_id IS NOT NULL;
DROP INDEX sale_by_dealer;
CREATE INDEX sale_by_dealer ON sale (dealer_id, business_day) WHERE dealer_id IS NOT NULL;
DROP INDEX installed_unit_by_customer;
CREATE INDEX installed_unit_by_customer ON installed_unit (customer_id) WHERE customer_id IS NOT NULL;
