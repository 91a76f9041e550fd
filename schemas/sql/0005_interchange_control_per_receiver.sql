-- A control number is unique per sender and receiver, not per sender alone. Outbound, afterflow
-- is the sender of everything and numbers per partner (partner_profile.next_*_number), so its
-- first acknowledgment to each partner is 000000001: keyed on the sender alone, the second
-- partner's would be taken for a resend of the first's and never kept nor delivered.
-- Inbound, a partner's resend still has the same sender, receiver and number.
DROP INDEX interchange_unique_control;
CREATE UNIQUE INDEX interchange_unique_control ON interchange (direction, standard, sender_id, receiver_id,
                                                               control_number);
