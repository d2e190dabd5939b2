package com.ticketplatform.pay.flow;

import com.ticketplatform.client.pay.OpenPayFlowRequest;
import com.ticketplatform.client.pay.OpenedPayFlows;
import com.ticketplatform.client.pay.PayFlowView;
import com.ticketplatform.client.pay.PaymentStartView;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.pay.config.PayProperties;
import com.ticketplatform.pay.provider.ProviderClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The internal API the order service drives (see {@code PayClient}), refunds aside: those are {@code RefundService}'s,
 * which moves the flow (a flow never calls a refund). Every operation is idempotent by order no.
 */
@Service
public class PayFlowService {

  /** A flow closed before it was ever opened (compensation overtook the open): amount unknown. */
  static final String TOMBSTONE_CURRENCY = "XXX";

  private final PayFlowMapper flows;
  private final ProviderClient provider;
  private final SnowflakeIdGenerator ids;
  private final PayProperties properties;
  private final Clock clock;

  public PayFlowService(PayFlowMapper flows, ProviderClient provider, SnowflakeIdGenerator ids,
      PayProperties properties, Clock clock) {
    this.flows = flows;
    this.provider = provider;
    this.ids = ids;
    this.properties = properties;
    this.clock = clock;
  }

  public PayFlowView open(OpenPayFlowRequest request) {
    // the database keeps milliseconds, so a fresh open's answer carries the instant a later read returns
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    PayFlowRow opened = newRow(request.orderNo(), request.userId(), request.amount(), request.currency(),
        PayFlowStatus.OPEN, request.expiresAt(), now);
    if (flows.insertIgnore(opened) == 1) {
      // the common case, one statement: this call made the flow, so it is the row just written
      return opened.view();
    }
    // a repeated open, or a tombstone its compensation left: decide on what is there
    return existing(flows.find(request.orderNo()), request);
  }

  /**
   * Opens each flow as {@link #open} would, in two statements for the lot: one multi-row insert, and, unless every
   * flow was new, one read of them all. A flow is this call's own when its row carries the id this call gave it; any
   * other row is a repeated open or a tombstone, decided as {@link #open} decides it.
   */
  public OpenedPayFlows openAll(List<OpenPayFlowRequest> requests) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<PayFlowRow> rows = requests.stream().map(r -> newRow(r.orderNo(), r.userId(), r.amount(), r.currency(),
        PayFlowStatus.OPEN, r.expiresAt(), now)).toList();
    if (flows.insertIgnoreAll(rows) == rows.size()) {
      return new OpenedPayFlows(rows.stream().map(PayFlowRow::view).toList(), List.of());
    }
    Map<Long, PayFlowRow> stored = new HashMap<>();
    flows.findAll(rows.stream().map(row -> row.orderNo).collect(Collectors.toSet()))
        .forEach(row -> stored.put(row.orderNo, row));
    List<PayFlowView> opened = new ArrayList<>();
    List<OpenedPayFlows.Refused> refused = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      PayFlowRow mine = rows.get(i);
      PayFlowRow flow = stored.get(mine.orderNo);
      try {
        if (flow == null) {
          throw new IllegalStateException("pay flow of order " + mine.orderNo + " neither inserted nor found");
        }
        opened.add(flow.id == mine.id ? flow.view() : existing(flow, requests.get(i)));
      } catch (ApiException e) {
        refused.add(new OpenedPayFlows.Refused(mine.orderNo, e.code(), e.getMessage()));
      }
    }
    return new OpenedPayFlows(opened, refused);
  }

  /** An open that found a flow already there: the same one again, or a refusal (tombstone, other amount). */
  private PayFlowView existing(PayFlowRow flow, OpenPayFlowRequest request) {
    if (flow.status() == PayFlowStatus.CLOSED && TOMBSTONE_CURRENCY.equals(flow.currency)) {
      throw ApiException.conflict(PayFlowRules.FLOW_CLOSED,
          "the pay flow of order " + request.orderNo() + " was closed before it was opened");
    }
    PayFlowRules.checkReopen(flow, request.amount(), request.currency());
    return flow.view();
  }

  /**
   * Closes an unpaid flow. Absent → a CLOSED tombstone, so that an open arriving after its own compensation cannot
   * resurrect the flow. A flow the money already reached is left alone and its state answered.
   */
  public PayFlowView close(long orderNo) {
    Instant now = clock.instant();
    if (flows.find(orderNo) == null) {
      flows.insertIgnore(newRow(orderNo, 0, BigDecimal.ZERO, TOMBSTONE_CURRENCY, PayFlowStatus.CLOSED, now, now));
    }
    return closedOrCurrent(orderNo, now);
  }

  private PayFlowView closedOrCurrent(long orderNo, Instant now) {
    PayFlowRow flow = flows.find(orderNo);
    if (PayFlowRules.shouldClose(flow.status())) {
      flows.close(orderNo, now);
      flow = flows.find(orderNo);
    }
    return flow.view();
  }

  public PaymentStartView startPayment(long orderNo) {
    PayFlowRow flow = require(orderNo);
    PayFlowRules.checkStartPayment(flow, clock.instant());
    if (flow.paymentId != null && flow.payUrl != null) {
      if (flows.markPaying(orderNo, flow.paymentId, flow.payUrl, clock.instant()) == 0) {
        PayFlowRules.checkStartPayment(require(orderNo), clock.instant());
      }
      return new PaymentStartView(flow.paymentId, flow.payUrl);
    }
    // the provider is idempotent by merchant order no, so a retry after a crash here gets the same payment
    ProviderClient.CreatedPayment created = provider.createPayment(orderNo, flow.amount, flow.currency,
        properties.callbackUrl());
    if (flows.markPaying(orderNo, created.paymentId(), created.payUrl(), clock.instant()) == 0) {
      PayFlowRow now = require(orderNo);
      PayFlowRules.checkStartPayment(now, clock.instant());
      if (now.paymentId != null && !now.paymentId.equals(created.paymentId())) {
        throw ApiException.conflict(PayFlowRules.ALREADY_PAID, "order " + orderNo + " has another payment");
      }
    }
    return new PaymentStartView(created.paymentId(), created.payUrl());
  }

  public PayFlowView get(long orderNo) {
    return require(orderNo).view();
  }

  private PayFlowRow require(long orderNo) {
    PayFlowRow flow = flows.find(orderNo);
    if (flow == null) {
      throw ApiException.notFound("pay flow of order " + orderNo);
    }
    return flow;
  }

  private PayFlowRow newRow(long orderNo, long userId, BigDecimal amount, String currency, PayFlowStatus status,
      Instant expiresAt, Instant now) {
    PayFlowRow row = new PayFlowRow();
    row.id = ids.nextIdFor(orderNo);
    row.orderNo = orderNo;
    row.userId = userId;
    row.amount = amount;
    row.currency = currency;
    row.status = status.name();
    row.expiresAt = expiresAt;
    row.createdAt = now;
    row.updatedAt = now;
    return row;
  }
}
