-- The occupancy report of a whole program (GET /api/admin/reports/occupancy?programId=) finds the program's
-- showtimes among the orders: without this key every shard table would be read whole.
ALTER TABLE t_order_0 ADD KEY idx_order_program (program_id, showtime_id);
ALTER TABLE t_order_1 ADD KEY idx_order_program (program_id, showtime_id);
ALTER TABLE t_order_2 ADD KEY idx_order_program (program_id, showtime_id);
ALTER TABLE t_order_3 ADD KEY idx_order_program (program_id, showtime_id);
