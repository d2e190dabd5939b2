package com.ticketplatform.pay.reconcile;

import com.ticketplatform.client.order.OrderClient;
import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.pay.flow.PayFlowRow;
import com.ticketplatform.pay.flow.PayFlowStatus;
import com.ticketplatform.pay.refund.RefundService;
import com.ticketplatform.starter.outbox.Outbox;
import feign.FeignException;
import feign.RetryableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciliation's last pass: money we hold must end as a ticket or a refund. For every flow still PAID a while after
 * its payment, the order service is asked what became of the order: still waiting for its payment (the event was
 * lost or is stuck) → PaymentSucceeded is announced again (the order service applies it once); cancelled → the money
 * is refunded; missing → an issue for a human. Repairs are counted in
 * {@code ticket_pay_reconcile_orders_repaired_total{action}}.
 */
@Component
public class PaidFlowsCheck {

  private static final Logger log = LoggerFactory.getLogger(PaidFlowsCheck.class);
  /** An order whose state could not be read this run: neither checked nor an issue, it is asked again next run. */
  private static final String UNREADABLE = "";

  public record Result(int checked, int reannounced, int refunded, List<ReconcileReport.Issue> issues) {}

  /** Records an issue for a human and answers it. */
  interface IssueSink {
    ReconcileReport.Issue add(Long orderNo, String paymentId, String kind, String detail);
  }

  private final OrderClient orders;
  private final Outbox outbox;
  private final RefundService refunds;
  private final TransactionTemplate tx;
  private final MeterRegistry meters;

  public PaidFlowsCheck(OrderClient orders, Outbox outbox, RefundService refunds,
      TransactionTemplate tx, MeterRegistry meters) {
    this.orders = orders;
    this.outbox = outbox;
    this.refunds = refunds;
    this.tx = tx;
    this.meters = meters;
  }

  /**
   * Of {@code paidHere} (what reconciliation read as paid), the flows still PAID since before {@code paidBefore} (the
   * grace the normal path gets to deliver). The order service is asked about them {@link OrderClient#MAX_STATES} at a
   * time: a busy day's thousands of paid flows are a handful of calls, not one call each.
   */
  Result run(List<PayFlowRow> paidHere, Instant paidBefore, IssueSink issues) {
    List<PayFlowRow> due = paidHere.stream()
        .filter(flow -> flow.status() == PayFlowStatus.PAID && flow.paidAt != null && flow.paidAt.isBefore(paidBefore))
        .toList();
    int checked = 0;
    int reannounced = 0;
    int refunded = 0;
    List<ReconcileReport.Issue> found = new ArrayList<>();
    for (int from = 0; from < due.size(); from += OrderClient.MAX_STATES) {
      List<PayFlowRow> batch = due.subList(from, Math.min(due.size(), from + OrderClient.MAX_STATES));
      Map<Long, String> states = statesOf(batch);
      if (states == null) {
        break;
      }
      for (PayFlowRow flow : batch) {
        String status = states.get(flow.orderNo);
        if (UNREADABLE.equals(status)) {
          continue;
        }
        if (status == null) {
          found.add(issues.add(flow.orderNo, flow.paymentId, "ORDER_MISSING", "paid flow without an order"));
          continue;
        }
        checked++;
        switch (status) {
          case "PENDING_PAYMENT" -> {
            tx.executeWithoutResult(s -> outbox.append(Topics.PAYMENT_EVENTS, flow.orderNo,
                new PaymentEvents.PaymentSucceeded(flow.orderNo, flow.paymentId, flow.amount, flow.currency,
                    flow.paidAt)));
            reannounced++;
            meters.counter("ticket.pay.reconcile.orders.repaired", "action", "reannounced").increment();
            log.warn("reconciliation: order {} still awaits the payment paid at {}; announced again", flow.orderNo,
                flow.paidAt);
          }
          case "CANCELLED" -> {
            refunds.refundFlow(flow, "order cancelled while its payment was kept");
            refunded++;
            meters.counter("ticket.pay.reconcile.orders.repaired", "action", "refunded").increment();
            log.warn("reconciliation: order {} is cancelled but its payment was kept; refunded", flow.orderNo);
          }
          default -> {
            // PAID, REFUNDING, REFUNDED: the ticket exists, or the refund is the order's own business
          }
        }
      }
    }
    return new Result(checked, reannounced, refunded, found);
  }

  /**
   * The status of each order of {@code batch} that exists (a missing order is left out), asked in one call; when the
   * order service answers that call with an error (one order it cannot read, or no batch endpoint yet), one call per
   * order. Null when the order service stopped answering: the rest is checked next run.
   */
  private Map<Long, String> statesOf(List<PayFlowRow> batch) {
    Map<Long, String> states = new HashMap<>();
    try {
      orders.states(new OrderClient.OrderStatesQuery(batch.stream().map(flow -> flow.orderNo).toList())).states()
          .forEach(state -> states.put(state.orderNo(), state.status()));
      return states;
    } catch (RetryableException e) {
      return noAnswer(e);
    } catch (RuntimeException e) {
      log.warn("reconciliation: the states of {} orders could not be read at once; asking one by one: {}",
          batch.size(), e.toString());
    }
    for (PayFlowRow flow : batch) {
      try {
        states.put(flow.orderNo, orders.state(flow.orderNo).status());
      } catch (FeignException.NotFound missing) {
        // left out: an issue for a human below
      } catch (RetryableException e) {
        return noAnswer(e);
      } catch (RuntimeException e) {
        log.warn("reconciliation: the state of order {} could not be read; checked next run: {}", flow.orderNo,
            e.toString());
        states.put(flow.orderNo, UNREADABLE);
      }
    }
    return states;
  }

  private static Map<Long, String> noAnswer(RetryableException e) {
    log.warn("reconciliation: the order service did not answer; paid flows are checked next run: {}", e.toString());
    return null;
  }
}
