-- The shared outbox layout exactly as OutboxAutoConfiguration documents it.
CREATE TABLE t_outbox (
  id           BIGINT       NOT NULL PRIMARY KEY,
  event_id     CHAR(36)     NOT NULL,
  topic        VARCHAR(128) NOT NULL,
  record_key   VARCHAR(64)  NOT NULL,
  event_type   VARCHAR(64)  NOT NULL,
  payload      MEDIUMTEXT   NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  published_at DATETIME(3)  NULL,
  attempts     INT          NOT NULL DEFAULT 0,
  UNIQUE KEY uk_outbox_event_id (event_id),
  KEY idx_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
