package com.ticketplatform.pay.reconcile;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every reconciliation run ({@code t_reconcile_run}, its issues in {@code t_reconcile_run_issue}), so
 * admins see past runs, the failed ones too. Recording never changes a run's outcome: a record that cannot be written
 * is logged and the run's answer stands.
 */
@Component
public class ReconcileRuns {

  /** Issues kept per run; a run that repeats hundreds of known issues keeps its count, not every copy. */
  public static final int MAX_STORED_ISSUES = 200;
  private static final int ERROR_LENGTH = 512;
  private static final Logger log = LoggerFactory.getLogger(ReconcileRuns.class);

  private final ReconcileRunMapper runs;
  private final SnowflakeIdGenerator ids;
  private final TransactionTemplate tx;
  private final Clock clock;

  public ReconcileRuns(ReconcileRunMapper runs, SnowflakeIdGenerator ids, TransactionTemplate tx, Clock clock) {
    this.runs = runs;
    this.ids = ids;
    this.tx = tx;
    this.clock = clock;
  }

  void succeeded(ReconcileRun.Trigger trigger, Long requestedBy, Instant startedAt, ReconcileReport report) {
    ReconcileRunMapper.RunRow run = row(trigger, requestedBy, startedAt, report.since(), ReconcileRun.OK);
    run.finishedAt = report.finishedAt();
    run.providerPayments = report.providerPayments();
    run.alreadyConsistent = report.alreadyConsistent();
    run.repaired = report.repaired();
    run.lateRefunded = report.lateRefunded();
    run.refundsRetried = report.refundsRetried();
    run.paidFlowsChecked = report.paidFlowsChecked();
    run.paymentsReannounced = report.paymentsReannounced();
    run.cancelledOrdersRefunded = report.cancelledOrdersRefunded();
    run.issueCount = report.issues().size();
    save(run, report.issues());
  }

  void failed(ReconcileRun.Trigger trigger, Long requestedBy, Instant startedAt, Instant since, RuntimeException e) {
    ReconcileRunMapper.RunRow run = row(trigger, requestedBy, startedAt, since, ReconcileRun.FAILED);
    run.finishedAt = clock.instant();
    String error = e instanceof ApiException api ? api.code() + ": " + api.getMessage() : e.toString();
    run.error = abbreviate(error, ERROR_LENGTH);
    save(run, List.of());
  }

  /** The newest {@code limit} runs, newest first, each with its stored issues. */
  public List<ReconcileRun> newest(int limit) {
    List<ReconcileRunMapper.RunRow> rows = runs.newest(limit);
    Map<Long, List<ReconcileReport.Issue>> issues = new LinkedHashMap<>();
    if (!rows.isEmpty()) {
      for (ReconcileRunMapper.IssueRow issue : runs.issuesOf(rows.stream().map(r -> r.id).toList())) {
        issues.computeIfAbsent(issue.runId, id -> new ArrayList<>())
            .add(new ReconcileReport.Issue(issue.orderNo, issue.paymentId, issue.kind, issue.detail));
      }
    }
    return rows.stream().map(r -> new ReconcileRun(r.id, r.triggeredBy, r.requestedByUserId, r.startedAt,
        r.finishedAt, r.since, r.outcome, counts(r), r.issueCount, r.error, issues.getOrDefault(r.id, List.of())))
        .toList();
  }

  private static ReconcileRun.Counts counts(ReconcileRunMapper.RunRow r) {
    if (r.providerPayments == null) {
      return null;
    }
    return new ReconcileRun.Counts(r.providerPayments, r.alreadyConsistent, r.repaired, r.lateRefunded,
        r.refundsRetried, r.paidFlowsChecked, r.paymentsReannounced, r.cancelledOrdersRefunded);
  }

  private ReconcileRunMapper.RunRow row(ReconcileRun.Trigger trigger, Long requestedBy, Instant startedAt,
      Instant since, String outcome) {
    ReconcileRunMapper.RunRow run = new ReconcileRunMapper.RunRow();
    run.id = ids.nextId();
    run.triggeredBy = trigger.name();
    run.requestedByUserId = requestedBy;
    run.startedAt = startedAt;
    run.since = since;
    run.outcome = outcome;
    return run;
  }

  private void save(ReconcileRunMapper.RunRow run, List<ReconcileReport.Issue> issues) {
    try {
      tx.executeWithoutResult(s -> {
        runs.insert(run);
        for (int i = 0; i < Math.min(issues.size(), MAX_STORED_ISSUES); i++) {
          ReconcileReport.Issue issue = issues.get(i);
          ReconcileRunMapper.IssueRow row = new ReconcileRunMapper.IssueRow();
          row.runId = run.id;
          row.seq = i;
          row.orderNo = issue.orderNo();
          row.paymentId = issue.paymentId();
          row.kind = issue.kind();
          row.detail = abbreviate(issue.detail(), 255);
          runs.insertIssue(row, run.startedAt);
        }
      });
    } catch (RuntimeException e) {
      log.error("reconciliation run {} ({}, {}) could not be recorded: {}", run.id, run.triggeredBy, run.outcome,
          e.toString());
    }
  }

  private static String abbreviate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
