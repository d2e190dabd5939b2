-- A claim keeps its showtime's start, so claims of shows long over are purged (ClaimReaper) and the table holds only
-- what can still be sold or refunded. Claims written before this column existed are released, like any other, once
-- their order no longer holds seats.
ALTER TABLE t_seat_claim
  ADD COLUMN starts_at DATETIME(3) NULL,
  ADD KEY idx_claim_starts (starts_at);
