-- The optional column where the relay writes down Kafka's last refusal (sql/*/V*__outbox_last_error.sql).
ALTER TABLE t_outbox ADD COLUMN last_error VARCHAR(512) NULL;
