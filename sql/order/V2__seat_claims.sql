-- The database's own judgement of a seat (docs/ARCHITECTURE.md §2): at most one live claim per (showtime, seat).
-- Redis decides fast; this table decides finally. One table per shard database, routed by the showtime's gene, so
-- every claim of a showtime is in one database and one order's claims are written in one statement. A claim is
-- written by the saga's LockSeats step (a second order's claim of the same seat fails on the primary key) and
-- removed when its order is cancelled, expired or refunded.
CREATE TABLE IF NOT EXISTS t_seat_claim (
  showtime_id BIGINT      NOT NULL,
  seat_id     BIGINT      NOT NULL,
  order_no    BIGINT      NOT NULL,
  user_id     BIGINT      NOT NULL,
  claimed_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (showtime_id, seat_id),
  KEY idx_claim_order (showtime_id, order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
