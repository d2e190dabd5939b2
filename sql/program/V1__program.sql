-- Program service schema (ticket_program + suffix). Ids are Snowflake ids from the application.
-- Times are DATETIME(3) in UTC; money is DECIMAL(12,2).

CREATE TABLE cinema (
  id          BIGINT       NOT NULL PRIMARY KEY,
  name        VARCHAR(128) NOT NULL,
  city        VARCHAR(64)  NOT NULL,
  address     VARCHAR(255) NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  KEY idx_cinema_city (city, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE hall (
  id          BIGINT       NOT NULL PRIMARY KEY,
  cinema_id   BIGINT       NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  seat_rows   INT          NOT NULL,
  seat_cols   INT          NOT NULL,
  seat_count  INT          NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  KEY idx_hall_cinema (cinema_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per physical seat; a gap/aisle is simply a position without a row. Seat ids stay stable while the
-- position exists, because the live inventory and sold tickets refer to them.
CREATE TABLE seat (
  id          BIGINT       NOT NULL PRIMARY KEY,
  hall_id     BIGINT       NOT NULL,
  row_no      INT          NOT NULL,
  col_no      INT          NOT NULL,
  label       VARCHAR(16)  NOT NULL,
  seat_type   VARCHAR(16)  NOT NULL,
  price_tier  CHAR(1)      NOT NULL,
  UNIQUE KEY uk_seat_position (hall_id, row_no, col_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE program (
  id                BIGINT        NOT NULL PRIMARY KEY,
  title             VARCHAR(200)  NOT NULL,
  category          VARCHAR(32)   NOT NULL,
  duration_minutes  INT           NOT NULL,
  rating            VARCHAR(16)   NOT NULL,
  poster_url        VARCHAR(512)  NULL,
  description       TEXT          NULL,
  cast_members      TEXT          NULL,
  created_at        DATETIME(3)   NOT NULL,
  updated_at        DATETIME(3)   NOT NULL,
  KEY idx_program_category (category, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE showtime (
  id          BIGINT         NOT NULL PRIMARY KEY,
  program_id  BIGINT         NOT NULL,
  cinema_id   BIGINT         NOT NULL,
  hall_id     BIGINT         NOT NULL,
  starts_at   DATETIME(3)    NOT NULL,
  ends_at     DATETIME(3)    NOT NULL,
  status      VARCHAR(16)    NOT NULL,
  price_a     DECIMAL(12, 2) NULL,
  price_b     DECIMAL(12, 2) NULL,
  price_c     DECIMAL(12, 2) NULL,
  currency    CHAR(3)        NOT NULL,
  version     INT            NOT NULL DEFAULT 0,
  created_at  DATETIME(3)    NOT NULL,
  updated_at  DATETIME(3)    NOT NULL,
  KEY idx_showtime_hall_time (hall_id, starts_at),
  KEY idx_showtime_program_time (program_id, starts_at),
  KEY idx_showtime_status_end (status, ends_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Remembers the outcome of a create made with an Idempotency-Key, so a retry answers with the same resource.
CREATE TABLE idempotency_record (
  scope         VARCHAR(96)  NOT NULL,
  idem_key      VARCHAR(128) NOT NULL,
  request_hash  CHAR(64)     NOT NULL,
  resource_id   BIGINT       NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (scope, idem_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Transactional outbox for ticket.program.events (docs/ARCHITECTURE.md §3).
CREATE TABLE outbox_event (
  id            BIGINT        NOT NULL PRIMARY KEY,
  topic         VARCHAR(128)  NOT NULL,
  msg_key       VARCHAR(64)   NOT NULL,
  payload       TEXT          NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  published_at  DATETIME(3)   NULL,
  KEY idx_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
