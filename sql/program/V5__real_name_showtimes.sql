-- Real-name showtimes (docs/ARCHITECTURE.md §12): 0 leaves tickets unnamed; n > 0 makes every ticket name one of the
-- buyer's ticket holders, and one ID number may hold at most n tickets of the showtime across all accounts.
ALTER TABLE showtime
  ADD COLUMN real_name_cap INT NOT NULL DEFAULT 0;
