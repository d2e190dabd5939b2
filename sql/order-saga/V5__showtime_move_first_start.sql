-- A showtime's start as first announced is kept too (moved_at NULL until it moves), so an announcement of another
-- start is recognised as a move even while no order of the showtime exists yet (ShowtimeMoves, ARCHITECTURE §2).
ALTER TABLE t_showtime_move MODIFY moved_at DATETIME(3) NULL;
