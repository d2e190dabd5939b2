-- A row Kafka refuses for good (too large, a topic that cannot exist) is parked instead of holding up every event
-- behind it (OutboxRelay, docs/ARCHITECTURE.md §3); ticket_outbox_parked counts them for a person to look at.
ALTER TABLE t_outbox ADD COLUMN parked_at DATETIME(3) NULL;
