-- Cancelled showtimes whose orders are being settled (ShowtimeCancellations, docs/ARCHITECTURE.md §2): one row per
-- showtime, finished when none of its orders is left unpaid, paid or waiting for its refund.
CREATE TABLE t_showtime_cancellation (
  showtime_id  BIGINT       NOT NULL PRIMARY KEY,
  requested_at DATETIME(3)  NOT NULL,
  finished_at  DATETIME(3)  NULL,
  KEY idx_cancellation_open (finished_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
