package com.ticketplatform.order.support;

import com.ticketplatform.client.pay.OpenPayFlowRequest;
import com.ticketplatform.client.pay.OpenPayFlows;
import com.ticketplatform.client.pay.OpenedPayFlows;
import com.ticketplatform.client.pay.PayClient;
import com.ticketplatform.client.pay.PayFlowView;
import com.ticketplatform.client.pay.PaymentStartView;
import com.ticketplatform.client.pay.RefundRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** In-process stand-in for the pay service, recording flows by order number; can be switched "down". */
public class FakePayClient implements PayClient {

  public final Map<Long, PayFlowView> flows = new ConcurrentHashMap<>();
  public final Map<Long, String> refunds = new ConcurrentHashMap<>();
  public final AtomicBoolean down = new AtomicBoolean();
  /** The size of every {@link #openAll} call, in order. */
  public final List<Integer> batches = new CopyOnWriteArrayList<>();

  private void check() {
    if (down.get()) {
      throw new IllegalStateException("pay service down (injected)");
    }
  }

  @Override
  public PayFlowView open(OpenPayFlowRequest r) {
    check();
    return flows.computeIfAbsent(r.orderNo(), k -> new PayFlowView(r.orderNo(), r.userId(), r.amount(), r.currency(),
        "OPEN", null, Instant.now()));
  }

  /** As the pay service does: each flow opened as {@link #open} would, a tombstone refused; the calls are counted. */
  @Override
  public OpenedPayFlows openAll(OpenPayFlows request) {
    check();
    batches.add(request.flows().size());
    List<PayFlowView> opened = new ArrayList<>();
    List<OpenedPayFlows.Refused> refused = new ArrayList<>();
    for (OpenPayFlowRequest r : request.flows()) {
      PayFlowView existing = flows.get(r.orderNo());
      if (existing != null && "CLOSED".equals(existing.status()) && "XXX".equals(existing.currency())) {
        refused.add(new OpenedPayFlows.Refused(r.orderNo(), "PAY_FLOW_CLOSED", "closed before it was opened"));
      } else {
        opened.add(open(r));
      }
    }
    return new OpenedPayFlows(opened, refused);
  }

  /** As the pay service does: an absent flow becomes a closed tombstone; a flow money reached is left alone. */
  @Override
  public PayFlowView close(long orderNo) {
    check();
    return flows.compute(orderNo, (k, f) -> f == null
        ? new PayFlowView(orderNo, 0, java.math.BigDecimal.ZERO, "XXX", "CLOSED", null, Instant.now())
        : "OPEN".equals(f.status()) ? with(f, "CLOSED") : f);
  }

  /** The provider's callback was applied: the flow is PAID (its event may still be on its way). */
  public void markPaid(long orderNo) {
    flows.computeIfPresent(orderNo, (k, f) -> with(f, "PAID"));
  }

  @Override
  public PaymentStartView startPayment(long orderNo) {
    check();
    PayFlowView f = flows.get(orderNo);
    if (f == null) {
      throw new IllegalStateException("no flow");
    }
    return new PaymentStartView("pay-" + orderNo, "http://127.0.0.1:8090/sandbox/pay/pay-" + orderNo);
  }

  @Override
  public PayFlowView refund(long orderNo, RefundRequest request) {
    check();
    refunds.put(orderNo, request.reason());
    return flows.computeIfPresent(orderNo, (k, f) -> with(f, "REFUNDING"));
  }

  @Override
  public PayFlowView get(long orderNo) {
    return flows.get(orderNo);
  }

  public String status(long orderNo) {
    PayFlowView f = flows.get(orderNo);
    return f == null ? null : f.status();
  }

  private static PayFlowView with(PayFlowView f, String status) {
    return new PayFlowView(f.orderNo(), f.userId(), f.amount(), f.currency(), status, f.paymentId(), Instant.now());
  }
}
