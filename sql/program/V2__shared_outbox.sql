-- The program outbox takes the platform's one outbox layout (OutboxAutoConfiguration, docs/ARCHITECTURE.md §4): the
-- envelope id becomes a unique column (a relay can never publish the same event as two rows), the event type is
-- queryable, failed attempts are counted. Rows already there get both from their JSON envelope.
RENAME TABLE outbox_event TO t_outbox;

ALTER TABLE t_outbox
  CHANGE msg_key record_key VARCHAR(64) NOT NULL,
  MODIFY payload MEDIUMTEXT NOT NULL,
  ADD COLUMN event_id CHAR(36) NULL,
  ADD COLUMN event_type VARCHAR(64) NULL,
  ADD COLUMN attempts INT NOT NULL DEFAULT 0;

UPDATE t_outbox
SET event_id = COALESCE(JSON_VALUE(payload, '$.id'), UUID()),
    event_type = COALESCE(JSON_VALUE(payload, '$.type'), 'unknown');

ALTER TABLE t_outbox
  MODIFY event_id CHAR(36) NOT NULL,
  MODIFY event_type VARCHAR(64) NOT NULL,
  ADD UNIQUE KEY uk_outbox_event_id (event_id);
