-- The notify service's schema, ticket_notify (docs/ARCHITECTURE.md §14). Every table is a single table behind
-- ShardingSphere-JDBC: the volume is one row per order and per notice.

-- Consumed event ids: a redelivered event is recognised and skipped (the shared purge keeps it bounded).
CREATE TABLE t_processed_event (
  event_id     CHAR(36)    NOT NULL,
  processed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (event_id),
  KEY idx_processed_event_processed_at (processed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- What the order events told about each order: who bought, for which showtime and when it starts, whether the hold
-- warning and the reminder (for the start it names) went out.
CREATE TABLE t_notify_order (
  order_no       BIGINT       NOT NULL,
  user_id        BIGINT       NOT NULL,
  showtime_id    BIGINT       NOT NULL,
  program_title  VARCHAR(200) NULL,
  starts_at      DATETIME(3)  NULL,
  status         VARCHAR(20)  NOT NULL,
  expires_at     DATETIME(3)  NULL,
  hold_warned_at DATETIME(3)  NULL,
  reminded_for   DATETIME(3)  NULL,
  updated_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (order_no),
  KEY idx_notify_order_showtime (showtime_id),
  KEY idx_notify_order_start (status, starts_at),
  KEY idx_notify_order_expiry (status, expires_at),
  KEY idx_notify_order_updated (updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Showtimes the program events cancelled or moved.
CREATE TABLE t_notify_showtime (
  showtime_id  BIGINT      NOT NULL,
  starts_at    DATETIME(3) NULL,
  cancelled_at DATETIME(3) NULL,
  updated_at   DATETIME(3) NOT NULL,
  PRIMARY KEY (showtime_id),
  KEY idx_notify_showtime_updated (updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A user's choices: reminders on or off (receipts cannot be turned off), the language asked for, and the one their
-- client last sent (Accept-Language), used while they chose none.
CREATE TABLE t_notify_preference (
  user_id       BIGINT      NOT NULL,
  reminders     TINYINT(1)  NOT NULL DEFAULT 1,
  language      VARCHAR(10) NULL,
  seen_language VARCHAR(10) NULL,
  updated_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The in-app inbox: one entry per (what happened, kind, user), so a user without e-mail sees it too.
CREATE TABLE t_notification (
  id         BIGINT        NOT NULL,
  user_id    BIGINT        NOT NULL,
  kind       VARCHAR(32)   NOT NULL,
  dedup_key  VARCHAR(100)  NOT NULL,
  order_no   BIGINT        NULL,
  title      VARCHAR(300)  NOT NULL,
  body       VARCHAR(2000) NOT NULL,
  created_at DATETIME(3)   NOT NULL,
  read_at    DATETIME(3)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_notification (dedup_key, kind, user_id),
  KEY idx_notification_user (user_id, id),
  KEY idx_notification_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Mail deliveries: one row per (what happened, kind, recipient), never a second one; PENDING until SENT, or DEAD
-- (the dead letters admins see) after the last attempt, or SKIPPED for a user without an e-mail address.
CREATE TABLE t_delivery (
  id              BIGINT        NOT NULL,
  dedup_key       VARCHAR(100)  NOT NULL,
  kind            VARCHAR(32)   NOT NULL,
  user_id         BIGINT        NOT NULL,
  order_no        BIGINT        NULL,
  facts           TEXT          NOT NULL,
  status          VARCHAR(10)   NOT NULL,
  address         VARCHAR(254)  NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(3)   NOT NULL,
  last_error      VARCHAR(1000) NULL,
  message_id      VARCHAR(200)  NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  sent_at         DATETIME(3)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_delivery (dedup_key, kind, user_id),
  KEY idx_delivery_due (status, next_attempt_at),
  KEY idx_delivery_updated (updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
