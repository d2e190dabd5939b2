-- Real-name tickets (docs/ARCHITECTURE.md §12). A ticket of a real-name showtime names its holder: the name and the
-- masked ID number, what the door compares with the ID shown; the ID number itself stays encrypted in the user
-- service.
ALTER TABLE t_order_ticket_0 ADD COLUMN holder_name VARCHAR(64) NULL, ADD COLUMN holder_id_type VARCHAR(16) NULL,
  ADD COLUMN holder_id_mask VARCHAR(64) NULL;
ALTER TABLE t_order_ticket_1 ADD COLUMN holder_name VARCHAR(64) NULL, ADD COLUMN holder_id_type VARCHAR(16) NULL,
  ADD COLUMN holder_id_mask VARCHAR(64) NULL;
ALTER TABLE t_order_ticket_2 ADD COLUMN holder_name VARCHAR(64) NULL, ADD COLUMN holder_id_type VARCHAR(16) NULL,
  ADD COLUMN holder_id_mask VARCHAR(64) NULL;
ALTER TABLE t_order_ticket_3 ADD COLUMN holder_name VARCHAR(64) NULL, ADD COLUMN holder_id_type VARCHAR(16) NULL,
  ADD COLUMN holder_id_mask VARCHAR(64) NULL;

-- The per-ID cap of a real-name showtime ("one ID, one ticket"): a showtime's n tickets of one ID number are n slots
-- (0..n-1) of one primary key, so two orders from different accounts naming the same person can never both take the
-- last slot. Written with the order's seat claims, in the same transaction of the same database (routed by the
-- showtime, like t_seat_claim), and released with them.
CREATE TABLE IF NOT EXISTS t_holder_claim (
  showtime_id    BIGINT      NOT NULL,
  id_number_hash CHAR(64)    NOT NULL,
  slot           INT         NOT NULL,
  order_no       BIGINT      NOT NULL,
  user_id        BIGINT      NOT NULL,
  claimed_at     DATETIME(3) NOT NULL,
  starts_at      DATETIME(3) NULL,
  PRIMARY KEY (showtime_id, id_number_hash, slot),
  KEY idx_holder_claim_order (showtime_id, order_no),
  KEY idx_holder_claim_starts (starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
