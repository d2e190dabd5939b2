-- Idempotency-Keys take the platform's one record layout (IdempotencyRecords, docs/ARCHITECTURE.md §5): the owner is
-- a column of its own instead of the head of the scope, a record may be claimed before it names what it made, and
-- old keys are purged by creation time.
RENAME TABLE idempotency_record TO t_idempotency;

ALTER TABLE t_idempotency
  ADD COLUMN owner_id BIGINT NOT NULL DEFAULT 0 FIRST,
  MODIFY resource_id BIGINT NULL,
  ADD COLUMN updated_at DATETIME(3) NULL;

UPDATE t_idempotency
SET owner_id = CAST(SUBSTRING_INDEX(scope, ':', 1) AS UNSIGNED),
    scope = SUBSTRING(scope, LOCATE(':', scope) + 1),
    updated_at = created_at;

ALTER TABLE t_idempotency
  MODIFY updated_at DATETIME(3) NOT NULL,
  ALTER COLUMN owner_id DROP DEFAULT,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (owner_id, scope, idem_key),
  ADD KEY idx_idempotency_created (created_at);
