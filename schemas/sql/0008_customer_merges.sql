-- The history of customer merges (owned by crm/). customer_profile.merged_into says who stands
-- for a customer now; these rows say who was merged into whom, when, and which customers
-- followed along (those merged into the absorbed one earlier are pointed at the survivor too,
-- so identity is always one hop), so an unmerge can restore exactly what the merge changed.
CREATE TABLE customer_merge (
  merge_id     {{IDENTITY}},
  survivor_id  BIGINT NOT NULL REFERENCES party (party_id),
  absorbed_id  BIGINT NOT NULL REFERENCES party (party_id),
  merged_at    TEXT NOT NULL,
  unmerged_at  TEXT,
  note         TEXT,
  CHECK (survivor_id <> absorbed_id),
  CHECK (unmerged_at IS NULL OR unmerged_at >= merged_at)
);
-- A customer is merged away at most once at a time.
CREATE UNIQUE INDEX customer_merge_active ON customer_merge (absorbed_id) WHERE unmerged_at IS NULL;
CREATE INDEX customer_merge_by_absorbed ON customer_merge (absorbed_id, merged_at);
CREATE INDEX customer_merge_by_survivor ON customer_merge (survivor_id, merged_at);

-- Customers that pointed at the absorbed one when it was merged and were pointed at the survivor.
CREATE TABLE customer_merge_member (
  merge_id  BIGINT NOT NULL REFERENCES customer_merge (merge_id) ON DELETE CASCADE,
  party_id  BIGINT NOT NULL REFERENCES party (party_id),
  PRIMARY KEY (merge_id, party_id)
);
CREATE INDEX customer_merge_member_by_party ON customer_merge_member (party_id);
