package com.ticketplatform.pay.reconcile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code t_reconcile_run} and the issues each run reported, {@code t_reconcile_run_issue} (single tables). */
@Mapper
public interface ReconcileRunMapper {

  /** A run as stored; the counts are null for a FAILED run. */
  class RunRow {
    public long id;
    public String triggeredBy;
    public Long requestedByUserId;
    public Instant startedAt;
    public Instant finishedAt;
    public Instant since;
    public String outcome;
    public Integer providerPayments;
    public Integer alreadyConsistent;
    public Integer repaired;
    public Integer lateRefunded;
    public Integer refundsRetried;
    public Integer paidFlowsChecked;
    public Integer paymentsReannounced;
    public Integer cancelledOrdersRefunded;
    public int issueCount;
    public String error;
  }

  class IssueRow {
    public long runId;
    public int seq;
    public Long orderNo;
    public String paymentId;
    public String kind;
    public String detail;
  }

  @Insert("""
      INSERT INTO t_reconcile_run (id, triggered_by, requested_by_user_id, started_at, finished_at, since, outcome,
        provider_payments, already_consistent, repaired, late_refunded, refunds_retried, paid_flows_checked,
        payments_reannounced, cancelled_orders_refunded, issue_count, error)
      VALUES (#{id}, #{triggeredBy}, #{requestedByUserId}, #{startedAt}, #{finishedAt}, #{since}, #{outcome},
        #{providerPayments}, #{alreadyConsistent}, #{repaired}, #{lateRefunded}, #{refundsRetried},
        #{paidFlowsChecked}, #{paymentsReannounced}, #{cancelledOrdersRefunded}, #{issueCount}, #{error})
      """)
  int insert(RunRow run);

  @Insert("""
      INSERT INTO t_reconcile_run_issue (run_id, seq, order_no, payment_id, kind, detail, created_at)
      VALUES (#{issue.runId}, #{issue.seq}, #{issue.orderNo}, #{issue.paymentId}, #{issue.kind}, #{issue.detail},
        #{createdAt})
      """)
  int insertIssue(@Param("issue") IssueRow issue, @Param("createdAt") Instant createdAt);

  @Select("SELECT * FROM t_reconcile_run ORDER BY started_at DESC, id DESC LIMIT #{limit}")
  List<RunRow> newest(@Param("limit") int limit);

  @Select("""
      <script>
      SELECT run_id, seq, order_no, payment_id, kind, detail FROM t_reconcile_run_issue
      WHERE run_id IN <foreach item="id" collection="runIds" open="(" separator="," close=")">#{id}</foreach>
      ORDER BY run_id, seq
      </script>
      """)
  List<IssueRow> issuesOf(@Param("runIds") Collection<Long> runIds);
}
