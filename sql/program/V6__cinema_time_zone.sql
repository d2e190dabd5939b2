-- Each cinema shows its times in its own time zone (docs/ARCHITECTURE.md §6): an IANA id such as Asia/Shanghai or
-- Europe/London. The cinemas before this change were all in mainland China.
ALTER TABLE cinema
  ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'Asia/Shanghai';
