-- Outbound documents (acknowledgments, load tenders, return instructions) are kept first and then
-- written to the partner's outbox; delivered_at says when that write succeeded. One kept but not
-- delivered (an outbox that could not be written, a crash between the two) is delivered by
-- `afterflow outbox deliver` and by every round of `afterflow watch`, and one delivered is never
-- written again (its partner may have picked it up). Documents kept before this migration are
-- taken as delivered, so an upgrade sends nothing twice.
ALTER TABLE interchange ADD COLUMN delivered_at TEXT;
UPDATE interchange SET delivered_at = status_changed_at WHERE direction = 'outbound';
