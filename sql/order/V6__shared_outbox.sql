-- The order outbox takes the platform's one outbox layout (OutboxAutoConfiguration, docs/ARCHITECTURE.md §4): the
-- topic travels with the row, the Kafka key is record_key, a row is published (not "sent"), payloads may be large.
ALTER TABLE t_outbox
  CHANGE aggregate_id record_key VARCHAR(64) NOT NULL,
  CHANGE sent_at published_at DATETIME(3) NULL,
  MODIFY payload MEDIUMTEXT NOT NULL,
  ADD COLUMN topic VARCHAR(128) NOT NULL DEFAULT 'ticket.order.events',
  RENAME INDEX idx_outbox_pending TO idx_outbox_unpublished;

ALTER TABLE t_outbox ALTER COLUMN topic DROP DEFAULT;
