package com.ticketplatform.pay.reconcile;

import com.ticketplatform.client.order.OrderClient;
import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.pay.flow.PayFlowMapper;
import com.ticketplatform.pay.flow.PayFlowRow;
import com.ticketplatform.pay.flow.PayFlowStatus;
import com.ticketplatform.pay.refund.RefundService;
import com.ticketplatform.starter.outbox.Outbox;
import feign.FeignException;
import feign.RetryableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  public record Result(int checked, int reannounced, int refunded, List<ReconcileReport.Issue> issues) {}

  /** Records an issue for a human and answers it. */
  interface IssueSink {
    ReconcileReport.Issue add(Long orderNo, String paymentId, String kind, String detail);
  }

  private final PayFlowMapper flows;
  private final OrderClient orders;
  private final Outbox outbox;
  private final RefundService refunds;
  private final TransactionTemplate tx;
  private final MeterRegistry meters;

  public PaidFlowsCheck(PayFlowMapper flows, OrderClient orders, Outbox outbox, RefundService refunds,
      TransactionTemplate tx, MeterRegistry meters) {
    this.flows = flows;
    this.orders = orders;
    this.outbox = outbox;
    this.refunds = refunds;
    this.tx = tx;
    this.meters = meters;
  }

  /** Flows paid between {@code since} and {@code paidBefore} (the grace the normal path gets to deliver). */
  Result run(Instant since, Instant paidBefore, IssueSink issues) {
    int checked = 0;
    int reannounced = 0;
    int refunded = 0;
    List<ReconcileReport.Issue> found = new ArrayList<>();
    for (PayFlowRow flow : flows.paidSince(since)) {
      if (flow.status() != PayFlowStatus.PAID || flow.paidAt == null || !flow.paidAt.isBefore(paidBefore)) {
        continue;
      }
      OrderClient.OrderState order;
      try {
        order = orders.state(flow.orderNo);
      } catch (FeignException.NotFound e) {
        found.add(issues.add(flow.orderNo, flow.paymentId, "ORDER_MISSING", "paid flow without an order"));
        continue;
      } catch (RetryableException e) {
        log.warn("reconciliation: the order service did not answer; paid flows are checked next run: {}",
            e.toString());
        break;
      } catch (RuntimeException e) {
        log.warn("reconciliation: the state of order {} could not be read; checked next run: {}", flow.orderNo,
            e.toString());
        continue;
      }
      checked++;
      switch (order.status()) {
        case "PENDING_PAYMENT" -> {
          tx.executeWithoutResult(s -> outbox.append(Topics.PAYMENT_EVENTS, flow.orderNo, new PaymentEvents.PaymentSucceeded(
              flow.orderNo, flow.paymentId, flow.amount, flow.currency, flow.paidAt)));
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
    return new Result(checked, reannounced, refunded, found);
  }
}
