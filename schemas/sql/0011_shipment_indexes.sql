-- The shipment table's indexes, revisited (owned by logistics/). Every index costs each write
-- (an import of a million rows pays for each of them), so only those a query reads are kept.

-- Reports read the rollups (0005); the raw table is read only by the reports the rollups do not
-- cover (a period that is not whole months, an on-time tolerance), which select one period by
-- ship date, for all clients (shipment_by_ship_date) or for one (shipment_by_client_date). Their
-- carrier and region filters narrow that period's rows and need no index of their own. No query
-- looks shipments up by the interchange they came from.
DROP INDEX shipment_by_carrier_date;
DROP INDEX shipment_by_destination_region_date;
DROP INDEX shipment_by_source;

-- A PRO number is the carrier's: unique per carrier (shipment_unique_pro_number). A shipment
-- recorded without its carrier escaped that index (NULLs are distinct in unique indexes), so the
-- same PRO number could be recorded twice; without a carrier it is unique per client instead.
-- (A database that already holds such twins refuses this migration, naming the index: keep one
-- of each pair, then migrate again.)
CREATE UNIQUE INDEX shipment_unique_pro_number_without_carrier ON shipment (pro_number, client_id)
  WHERE carrier_id IS NULL;
