-- Pay ledger. Pay flows and refunds are sharded by order number into 4 tables each (order_no % 4, which equals the
-- order number's shard gene % 4); callback log, outbox and reconcile issues are single tables in the same schema, so
-- a state change and its outbox row commit in one local transaction.

CREATE TABLE t_pay_flow_0 (
  id            BIGINT        NOT NULL,
  order_no      BIGINT        NOT NULL,
  user_id       BIGINT        NOT NULL,
  amount        DECIMAL(12,2) NOT NULL,
  currency      CHAR(3)       NOT NULL,
  -- OPEN, PAYING, PAID, CLOSED, REFUNDING, REFUNDED
  status        VARCHAR(16)   NOT NULL,
  payment_id    VARCHAR(64)   NULL,
  pay_url       VARCHAR(512)  NULL,
  expires_at    DATETIME(3)   NOT NULL,
  paid_at       DATETIME(3)   NULL,
  -- set when the provider reported something that does not match (amount, currency): a human must look
  review_reason VARCHAR(255)  NULL,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_pay_flow_order_no (order_no),
  KEY idx_pay_flow_status (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE TABLE t_pay_flow_1 LIKE t_pay_flow_0;
CREATE TABLE t_pay_flow_2 LIKE t_pay_flow_0;
CREATE TABLE t_pay_flow_3 LIKE t_pay_flow_0;

CREATE TABLE t_refund_0 (
  id              BIGINT        NOT NULL,
  order_no        BIGINT        NOT NULL,
  payment_id      VARCHAR(64)   NOT NULL,
  -- CUSTOMER (a refund the order service asked for) or LATE_PAYMENT (money that arrived after the flow closed)
  kind            VARCHAR(16)   NOT NULL,
  amount          DECIMAL(12,2) NOT NULL,
  currency        CHAR(3)       NOT NULL,
  reason          VARCHAR(255)  NULL,
  -- sent to the provider; also what makes a refund happen at most once per payment and kind
  idempotency_key VARCHAR(96)   NOT NULL,
  -- REQUESTED (not confirmed by the provider yet), SUCCEEDED, FAILED
  status          VARCHAR(16)   NOT NULL,
  provider_refund_id VARCHAR(64) NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_refund_idempotency_key (idempotency_key),
  KEY idx_refund_order_no (order_no),
  KEY idx_refund_status (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE TABLE t_refund_1 LIKE t_refund_0;
CREATE TABLE t_refund_2 LIKE t_refund_0;
CREATE TABLE t_refund_3 LIKE t_refund_0;

-- every callback received, whatever happened to it (forgeries included): the audit trail of the provider boundary
CREATE TABLE t_callback_log (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  order_no        BIGINT        NULL,
  payment_id      VARCHAR(64)   NULL,
  signature       VARCHAR(255)  NULL,
  signature_valid TINYINT(1)    NOT NULL,
  raw_body        MEDIUMTEXT    NOT NULL,
  -- ok, replay, forged, stale, amount_mismatch, late_refunded, failed, unknown_order, malformed, ignored
  outcome         VARCHAR(32)   NOT NULL,
  detail          VARCHAR(255)  NULL,
  received_at     DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_callback_log_order_no (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE t_outbox (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  event_id     CHAR(36)      NOT NULL,
  topic        VARCHAR(128)  NOT NULL,
  record_key   VARCHAR(64)   NOT NULL,
  event_type   VARCHAR(64)   NOT NULL,
  payload      MEDIUMTEXT    NOT NULL,
  created_at   DATETIME(3)   NOT NULL,
  published_at DATETIME(3)   NULL,
  attempts     INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_outbox_event_id (event_id),
  KEY idx_outbox_unpublished (published_at, id),
  KEY idx_outbox_record_key (record_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- what reconciliation could not repair by itself
CREATE TABLE t_reconcile_issue (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  order_no    BIGINT        NULL,
  payment_id  VARCHAR(64)   NOT NULL,
  -- AMOUNT_MISMATCH, UNKNOWN_ORDER, PAID_HERE_NOT_AT_PROVIDER
  kind        VARCHAR(32)   NOT NULL,
  detail      VARCHAR(255)  NULL,
  created_at  DATETIME(3)   NOT NULL,
  resolved_at DATETIME(3)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_reconcile_issue (payment_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
