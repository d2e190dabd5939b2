-- Every reconciliation run, scheduled or asked for by an admin, with what it found (ReconcileRuns,
-- GET /api/admin/payments/reconciliations): the console shows past runs, a provider outage included (FAILED, with
-- the error and no counts). Single tables, like t_reconcile_issue (pay-sharding.yaml).
CREATE TABLE t_reconcile_run (
  id                        BIGINT        NOT NULL,
  -- SCHEDULED (ReconcileService's timer) or MANUAL (POST /api/admin/payments/reconcile)
  triggered_by              VARCHAR(16)   NOT NULL,
  -- the admin who asked for a MANUAL run
  requested_by_user_id      BIGINT        NULL,
  started_at                DATETIME(3)   NOT NULL,
  finished_at               DATETIME(3)   NOT NULL,
  -- the run looked at provider payments changed since then
  since                     DATETIME(3)   NOT NULL,
  -- OK or FAILED
  outcome                   VARCHAR(8)    NOT NULL,
  -- the ReconcileReport's counts; NULL for a FAILED run
  provider_payments         INT           NULL,
  already_consistent        INT           NULL,
  repaired                  INT           NULL,
  late_refunded             INT           NULL,
  refunds_retried           INT           NULL,
  paid_flows_checked        INT           NULL,
  payments_reannounced      INT           NULL,
  cancelled_orders_refunded INT           NULL,
  issue_count               INT           NOT NULL DEFAULT 0,
  -- why a FAILED run failed (its problem code and detail)
  error                     VARCHAR(512)  NULL,
  PRIMARY KEY (id),
  KEY idx_reconcile_run_started_at (started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The issues one run reported, as it reported them (t_reconcile_issue keeps one open row per payment and kind across
-- runs); the first 200 of a run, issue_count has them all
CREATE TABLE t_reconcile_run_issue (
  run_id      BIGINT        NOT NULL,
  seq         INT           NOT NULL,
  order_no    BIGINT        NULL,
  payment_id  VARCHAR(64)   NULL,
  kind        VARCHAR(32)   NOT NULL,
  detail      VARCHAR(255)  NULL,
  -- the run's started_at: the retention purge deletes by it
  created_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (run_id, seq),
  KEY idx_reconcile_run_issue_created_at (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
