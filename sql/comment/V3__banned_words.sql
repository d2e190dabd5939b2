-- Banned words kept by admins (GET/PUT /api/admin/comments/banned-words) instead of configuration alone. The list row
-- says the list exists (it is seeded once, from ticket.comment.banned-words, when absent: an emptied list stays
-- empty) and carries a version every change increments, which instances compare to know their copy is stale.
CREATE TABLE t_banned_word_list (
  id         TINYINT     NOT NULL,
  version    BIGINT      NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  -- the admin who last replaced the list; NULL for the seed from configuration
  updated_by BIGINT      NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The words in the admin's order, as written (trimmed). Duplicates (case-insensitively, after Unicode compatibility
-- folding) are dropped by the service before they get here; no unique key on the word, whose collation would fold
-- accents ("café" = "cafe") that the filter does not.
CREATE TABLE t_banned_word (
  position INT         NOT NULL,
  word     VARCHAR(64) NOT NULL,
  PRIMARY KEY (position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
