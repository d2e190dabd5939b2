-- the retention purges (docs/ARCHITECTURE.md §9) delete by these times, a batch at a time: without an index each
-- batch would scan the table
CREATE INDEX idx_callback_log_received_at ON t_callback_log (received_at);
