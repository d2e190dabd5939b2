-- The inventory watchdog also checks the showtimes of orders closed in the last day (docs/ARCHITECTURE.md §2: a Redis
-- restored from an older snapshot brings their holds back); this index keeps that query off a full scan.
ALTER TABLE t_order_0 ADD KEY idx_order_closed (closed_at);
ALTER TABLE t_order_1 ADD KEY idx_order_closed (closed_at);
ALTER TABLE t_order_2 ADD KEY idx_order_closed (closed_at);
ALTER TABLE t_order_3 ADD KEY idx_order_closed (closed_at);
