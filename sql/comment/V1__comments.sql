-- Comments and ratings. Sharded by program id: t_comment_N, t_comment_like_N and t_comment_report_N hold the rows of
-- programs with program_id % 4 = N. Comment ids carry the program's shard gene (SnowflakeIdGenerator.nextIdFor),
-- so a lookup by comment id alone (moderation) also routes to one table.

CREATE TABLE t_comment_0 (
  id           BIGINT        NOT NULL,
  program_id   BIGINT        NOT NULL,
  user_id      BIGINT        NOT NULL,
  -- 0 for a rated top-level comment, else the comment replied to
  parent_id    BIGINT        NOT NULL DEFAULT 0,
  -- the rater for a top-level comment, NULL for replies: the unique key makes "one rating per user per program" a DB fact
  rater_id     BIGINT        NULL,
  rating       TINYINT       NULL,
  text         VARCHAR(2000) NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  like_count   INT           NOT NULL DEFAULT 0,
  reply_count  INT           NOT NULL DEFAULT 0,
  report_count INT           NOT NULL DEFAULT 0,
  edited       TINYINT(1)    NOT NULL DEFAULT 0,
  created_at   DATETIME(3)   NOT NULL,
  updated_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_comment_rater (program_id, rater_id),
  KEY idx_comment_newest (program_id, parent_id, status, id),
  KEY idx_comment_liked (program_id, parent_id, status, like_count, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_comment_like_0 (
  comment_id BIGINT      NOT NULL,
  user_id    BIGINT      NOT NULL,
  program_id BIGINT      NOT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (comment_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_comment_report_0 (
  comment_id BIGINT       NOT NULL,
  user_id    BIGINT       NOT NULL,
  program_id BIGINT       NOT NULL,
  reason     VARCHAR(500) NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (comment_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_comment_1 (
  id           BIGINT        NOT NULL,
  program_id   BIGINT        NOT NULL,
  user_id      BIGINT        NOT NULL,
  -- 0 for a rated top-level comment, else the comment replied to
  parent_id    BIGINT        NOT NULL DEFAULT 0,
  -- the rater for a top-level comment, NULL for replies: the unique key makes "one rating per user per program" a DB fact
  rater_id     BIGINT        NULL,
  rating       TINYINT       NULL,
  text         VARCHAR(2000) NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  like_count   INT           NOT NULL DEFAULT 0,
  reply_count  INT           NOT NULL DEFAULT 0,
  report_count INT           NOT NULL DEFAULT 0,
  edited       TINYINT(1)    NOT NULL DEFAULT 0,
  created_at   DATETIME(3)   NOT NULL,
  updated_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_comment_rater (program_id, rater_id),
  KEY idx_comment_newest (program_id, parent_id, status, id),
  KEY idx_comment_liked (program_id, parent_id, status, like_count, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_comment_like_1 (
  comment_id BIGINT      NOT NULL,
  user_id    BIGINT      NOT NULL,
  program_id BIGINT      NOT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (comment_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_comment_report_1 (
  comment_id BIGINT       NOT NULL,
  user_id    BIGINT       NOT NULL,
  program_id BIGINT       NOT NULL,
  reason     VARCHAR(500) NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (comment_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_comment_2 (
  id           BIGINT        NOT NULL,
  program_id   BIGINT        NOT NULL,
  user_id      BIGINT        NOT NULL,
  -- 0 for a rated top-level comment, else the comment replied to
  parent_id    BIGINT        NOT NULL DEFAULT 0,
  -- the rater for a top-level comment, NULL for replies: the unique key makes "one rating per user per program" a DB fact
  rater_id     BIGINT        NULL,
  rating       TINYINT       NULL,
  text         VARCHAR(2000) NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  like_count   INT           NOT NULL DEFAULT 0,
  reply_count  INT           NOT NULL DEFAULT 0,
  report_count INT           NOT NULL DEFAULT 0,
  edited       TINYINT(1)    NOT NULL DEFAULT 0,
  created_at   DATETIME(3)   NOT NULL,
  updated_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_comment_rater (program_id, rater_id),
  KEY idx_comment_newest (program_id, parent_id, status, id),
  KEY idx_comment_liked (program_id, parent_id, status, like_count, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_comment_like_2 (
  comment_id BIGINT      NOT NULL,
  user_id    BIGINT      NOT NULL,
  program_id BIGINT      NOT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (comment_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_comment_report_2 (
  comment_id BIGINT       NOT NULL,
  user_id    BIGINT       NOT NULL,
  program_id BIGINT       NOT NULL,
  reason     VARCHAR(500) NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (comment_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_comment_3 (
  id           BIGINT        NOT NULL,
  program_id   BIGINT        NOT NULL,
  user_id      BIGINT        NOT NULL,
  -- 0 for a rated top-level comment, else the comment replied to
  parent_id    BIGINT        NOT NULL DEFAULT 0,
  -- the rater for a top-level comment, NULL for replies: the unique key makes "one rating per user per program" a DB fact
  rater_id     BIGINT        NULL,
  rating       TINYINT       NULL,
  text         VARCHAR(2000) NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  like_count   INT           NOT NULL DEFAULT 0,
  reply_count  INT           NOT NULL DEFAULT 0,
  report_count INT           NOT NULL DEFAULT 0,
  edited       TINYINT(1)    NOT NULL DEFAULT 0,
  created_at   DATETIME(3)   NOT NULL,
  updated_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_comment_rater (program_id, rater_id),
  KEY idx_comment_newest (program_id, parent_id, status, id),
  KEY idx_comment_liked (program_id, parent_id, status, like_count, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_comment_like_3 (
  comment_id BIGINT      NOT NULL,
  user_id    BIGINT      NOT NULL,
  program_id BIGINT      NOT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (comment_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_comment_report_3 (
  comment_id BIGINT       NOT NULL,
  user_id    BIGINT       NOT NULL,
  program_id BIGINT       NOT NULL,
  reason     VARCHAR(500) NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (comment_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per order seen on ticket.order.events: a user is a verified buyer of a program while one of their orders for
-- it is PAID. Unsharded (small, keyed by order number).
CREATE TABLE t_verified_buyer (
  order_no   BIGINT      NOT NULL,
  user_id    BIGINT      NOT NULL,
  program_id BIGINT      NOT NULL,
  status     VARCHAR(16) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (order_no),
  KEY idx_buyer_user_program (user_id, program_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Consumed event ids: a redelivered event is recognised and skipped.
CREATE TABLE t_processed_event (
  event_id     CHAR(36)    NOT NULL,
  processed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
