-- When the cinema moved the order's showtime to the start it has now (docs/ARCHITECTURE.md §2): it opens the buyer's
-- free refund window (RefundPolicy).
ALTER TABLE t_order_0 ADD COLUMN showtime_moved_at DATETIME(3) NULL;
ALTER TABLE t_order_1 ADD COLUMN showtime_moved_at DATETIME(3) NULL;
ALTER TABLE t_order_2 ADD COLUMN showtime_moved_at DATETIME(3) NULL;
ALTER TABLE t_order_3 ADD COLUMN showtime_moved_at DATETIME(3) NULL;
