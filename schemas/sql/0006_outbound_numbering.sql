-- Outbound interchanges are numbered per partner (logistics/control_numbers.h), so two partners
-- may each get interchange 1 from the same sender id of ours: an outbound interchange repeats
-- another only when it also goes to the same receiver. Inbound ones stay unique per sender.
DROP INDEX interchange_unique_control;
CREATE UNIQUE INDEX interchange_unique_control ON interchange (standard, sender_id, control_number)
  WHERE direction = 'inbound';
CREATE UNIQUE INDEX interchange_unique_outbound_control ON interchange (standard, sender_id, receiver_id, control_number)
  WHERE direction = 'outbound';
