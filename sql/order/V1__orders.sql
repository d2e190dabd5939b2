-- Applied to EVERY physical order shard database (ticket_order_0, ticket_order_1). The logical tables t_order and
-- t_order_ticket are split into four physical tables each; rows of one order live in the tables with the same suffix
-- (binding tables), chosen by the buyer's shard gene, so an order and its tickets are always in one local transaction.

CREATE TABLE IF NOT EXISTS t_order_0 (
  order_no           BIGINT        NOT NULL,
  user_id            BIGINT        NOT NULL,
  program_id         BIGINT        NOT NULL,
  showtime_id        BIGINT        NOT NULL,
  cinema_id          BIGINT        NOT NULL,
  program_title      VARCHAR(200)  NOT NULL,
  status             VARCHAR(20)   NOT NULL,
  amount             DECIMAL(12,2) NOT NULL,
  currency           CHAR(3)       NOT NULL,
  showtime_starts_at DATETIME(3)   NOT NULL,
  expires_at         DATETIME(3)   NOT NULL,
  paid_at            DATETIME(3)   NULL,
  payment_id         VARCHAR(64)   NULL,
  closed_at          DATETIME(3)   NULL,
  close_reason       VARCHAR(64)   NULL,
  version            INT           NOT NULL DEFAULT 0,
  created_at         DATETIME(3)   NOT NULL,
  updated_at         DATETIME(3)   NOT NULL,
  PRIMARY KEY (order_no),
  KEY idx_order_user (user_id, order_no),
  KEY idx_order_status_expiry (status, expires_at),
  KEY idx_order_showtime (showtime_id, status),
  KEY idx_order_user_program (user_id, program_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS t_order_ticket_0 (
  ticket_id   BIGINT        NOT NULL,
  order_no    BIGINT        NOT NULL,
  user_id     BIGINT        NOT NULL,
  showtime_id BIGINT        NOT NULL,
  seat_id     BIGINT        NOT NULL,
  seat_label  VARCHAR(64)   NOT NULL,
  price       DECIMAL(12,2) NOT NULL,
  PRIMARY KEY (ticket_id),
  UNIQUE KEY uk_ticket_order_seat (order_no, seat_id),
  KEY idx_ticket_showtime_seat (showtime_id, seat_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS t_order_1 LIKE t_order_0;
CREATE TABLE IF NOT EXISTS t_order_2 LIKE t_order_0;
CREATE TABLE IF NOT EXISTS t_order_3 LIKE t_order_0;
CREATE TABLE IF NOT EXISTS t_order_ticket_1 LIKE t_order_ticket_0;
CREATE TABLE IF NOT EXISTS t_order_ticket_2 LIKE t_order_ticket_0;
CREATE TABLE IF NOT EXISTS t_order_ticket_3 LIKE t_order_ticket_0;

-- One outbox per shard database: an event row is written in the same local transaction as the order change it
-- describes. Its id is a snowflake id carrying the order's shard gene, so it routes to the order's database.
CREATE TABLE IF NOT EXISTS t_outbox (
  id           BIGINT       NOT NULL,
  event_id     CHAR(36)     NOT NULL,
  event_type   VARCHAR(64)  NOT NULL,
  aggregate_id VARCHAR(64)  NOT NULL,
  payload      TEXT         NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  sent_at      DATETIME(3)  NULL,
  attempts     INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_outbox_event (event_id),
  KEY idx_outbox_pending (sent_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Events already applied (consumer idempotency), stored beside the order they changed.
CREATE TABLE IF NOT EXISTS t_processed_event (
  event_id     CHAR(36)    NOT NULL,
  order_no     BIGINT      NOT NULL,
  event_type   VARCHAR(64) NOT NULL,
  processed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Idempotency keys of POST /api/orders, in the caller's shard; kept at least 24 h (purged by a job after that).
CREATE TABLE IF NOT EXISTS t_idempotency (
  user_id      BIGINT       NOT NULL,
  idem_key     VARCHAR(128) NOT NULL,
  request_hash CHAR(64)     NOT NULL,
  order_no     BIGINT       NULL,
  created_at   DATETIME(3)  NOT NULL,
  updated_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (user_id, idem_key),
  KEY idx_idem_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
