-- the consumer de-duplication purge (docs/ARCHITECTURE.md §9) deletes by this time, a batch at a time: without an
-- index each batch would scan the table
CREATE INDEX idx_processed_event_processed_at ON t_processed_event (processed_at);
