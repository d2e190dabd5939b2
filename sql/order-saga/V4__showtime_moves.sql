-- Showtimes the cinema moved to another start (ShowtimeMoves, docs/ARCHITECTURE.md §2): the latest start of each and
-- when it was moved there. Re-applied to the orders for a while after the move, so an order placed from a sale info
-- read just before the move follows it too.
CREATE TABLE t_showtime_move (
  showtime_id BIGINT      NOT NULL PRIMARY KEY,
  starts_at   DATETIME(3) NOT NULL,
  moved_at    DATETIME(3) NOT NULL,
  KEY idx_showtime_move_at (moved_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
