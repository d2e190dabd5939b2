-- Idempotency-Keys take the platform's one record layout (IdempotencyRecords, docs/ARCHITECTURE.md §5): the owner
-- (still the sharding column) and the endpoint's scope key a record, which names the resource it made.
ALTER TABLE t_idempotency
  CHANGE user_id owner_id BIGINT NOT NULL,
  CHANGE order_no resource_id BIGINT NULL,
  ADD COLUMN scope VARCHAR(96) NOT NULL DEFAULT 'POST /api/orders' AFTER owner_id,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (owner_id, scope, idem_key),
  RENAME INDEX idx_idem_created TO idx_idempotency_created;

ALTER TABLE t_idempotency ALTER COLUMN scope DROP DEFAULT;
