-- Why Kafka last refused a row (OutboxRelay writes it; the parked-outbox admin API shows it beside the row,
-- docs/ARCHITECTURE.md §3). Optional for the starter: it only writes and reads the column where it exists.
ALTER TABLE t_outbox ADD COLUMN last_error VARCHAR(512) NULL;
