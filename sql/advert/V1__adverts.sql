-- Adverts and announcements (unsharded) plus per-user data sharded by user id: t_user_interest_N and
-- t_announcement_inbox_N hold the rows of users with user_id % 4 = N.

CREATE TABLE t_advert (
  id          BIGINT        NOT NULL,
  title       VARCHAR(200)  NOT NULL,
  image_url   VARCHAR(1000) NOT NULL,
  link_url    VARCHAR(1000) NOT NULL,
  placement   VARCHAR(32)   NOT NULL,
  starts_at   DATETIME(3)   NOT NULL,
  ends_at     DATETIME(3)   NOT NULL,
  priority    INT           NOT NULL,
  weight      INT           NOT NULL,
  -- comma-separated upper-case categories (e.g. ACTION,SCIFI); empty = any
  categories  VARCHAR(500)  NOT NULL DEFAULT '',
  -- comma-separated cinema ids; empty = any
  cinema_ids  VARCHAR(1000) NOT NULL DEFAULT '',
  daily_cap   INT           NULL,
  status      VARCHAR(16)   NOT NULL,
  version     INT           NOT NULL DEFAULT 0,
  created_at  DATETIME(3)   NOT NULL,
  updated_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_advert_serving (placement, status, ends_at, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Who changed which advert when, with the advert as JSON before and after (null before a create / after a delete).
CREATE TABLE t_advert_audit (
  id          BIGINT       NOT NULL,
  advert_id   BIGINT       NOT NULL,
  actor_id    BIGINT       NULL,
  action      VARCHAR(16)  NOT NULL,
  before_json TEXT         NULL,
  after_json  TEXT         NULL,
  at          DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_audit_advert (advert_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_announcement (
  id          BIGINT        NOT NULL,
  title       VARCHAR(200)  NOT NULL,
  body        VARCHAR(5000) NOT NULL,
  audience    VARCHAR(32)   NOT NULL,
  showtime_id BIGINT        NULL,
  recipients  INT           NOT NULL DEFAULT 0,
  created_by  BIGINT        NULL,
  created_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_announcement_audience (audience, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Buyers of a showtime, one row per paid order (a refund removes it); fed by OrderPaid/OrderRefunded.
CREATE TABLE t_showtime_buyer (
  order_no    BIGINT      NOT NULL,
  showtime_id BIGINT      NOT NULL,
  user_id     BIGINT      NOT NULL,
  created_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (order_no),
  KEY idx_showtime_buyer (showtime_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Consumed event ids: a redelivered event is recognised and skipped.
CREATE TABLE t_processed_event (
  event_id     CHAR(36)    NOT NULL,
  processed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- interest counters: how many paid orders the user made per signal (CATEGORY:ACTION, CINEMA:12, ...)
CREATE TABLE t_user_interest_0 (
  user_id    BIGINT       NOT NULL,
  signal_key VARCHAR(64)  NOT NULL,
  hits       INT          NOT NULL,
  updated_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (user_id, signal_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_announcement_inbox_0 (
  id              BIGINT      NOT NULL,
  user_id         BIGINT      NOT NULL,
  announcement_id BIGINT      NOT NULL,
  read_at         DATETIME(3) NULL,
  created_at      DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_inbox_user_announcement (user_id, announcement_id),
  KEY idx_inbox_user (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- interest counters: how many paid orders the user made per signal (CATEGORY:ACTION, CINEMA:12, ...)
CREATE TABLE t_user_interest_1 (
  user_id    BIGINT       NOT NULL,
  signal_key VARCHAR(64)  NOT NULL,
  hits       INT          NOT NULL,
  updated_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (user_id, signal_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_announcement_inbox_1 (
  id              BIGINT      NOT NULL,
  user_id         BIGINT      NOT NULL,
  announcement_id BIGINT      NOT NULL,
  read_at         DATETIME(3) NULL,
  created_at      DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_inbox_user_announcement (user_id, announcement_id),
  KEY idx_inbox_user (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- interest counters: how many paid orders the user made per signal (CATEGORY:ACTION, CINEMA:12, ...)
CREATE TABLE t_user_interest_2 (
  user_id    BIGINT       NOT NULL,
  signal_key VARCHAR(64)  NOT NULL,
  hits       INT          NOT NULL,
  updated_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (user_id, signal_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_announcement_inbox_2 (
  id              BIGINT      NOT NULL,
  user_id         BIGINT      NOT NULL,
  announcement_id BIGINT      NOT NULL,
  read_at         DATETIME(3) NULL,
  created_at      DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_inbox_user_announcement (user_id, announcement_id),
  KEY idx_inbox_user (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- interest counters: how many paid orders the user made per signal (CATEGORY:ACTION, CINEMA:12, ...)
CREATE TABLE t_user_interest_3 (
  user_id    BIGINT       NOT NULL,
  signal_key VARCHAR(64)  NOT NULL,
  hits       INT          NOT NULL,
  updated_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (user_id, signal_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_announcement_inbox_3 (
  id              BIGINT      NOT NULL,
  user_id         BIGINT      NOT NULL,
  announcement_id BIGINT      NOT NULL,
  read_at         DATETIME(3) NULL,
  created_at      DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_inbox_user_announcement (user_id, announcement_id),
  KEY idx_inbox_user (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
