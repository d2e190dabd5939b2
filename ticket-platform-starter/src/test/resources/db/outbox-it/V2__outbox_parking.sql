-- The shared outbox layout as the services migrated to it (sql/*/V*__outbox_parking.sql).
ALTER TABLE t_outbox ADD COLUMN parked_at DATETIME(3) NULL;
