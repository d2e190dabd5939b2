package com.ticketplatform.pay.flow;

import com.ticketplatform.client.pay.PayFlowView;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code t_pay_flow} (logical table; physically {@code t_pay_flow_0..3}). Persistence shape only. */
public class PayFlowRow {
  public long id;
  public long orderNo;
  public long userId;
  public BigDecimal amount;
  public String currency;
  public String status;
  public String paymentId;
  public String payUrl;
  public Instant expiresAt;
  public Instant paidAt;
  public String reviewReason;
  public Instant createdAt;
  public Instant updatedAt;

  public PayFlowStatus status() {
    return PayFlowStatus.valueOf(status);
  }

  public PayFlowView view() {
    return new PayFlowView(orderNo, userId, amount, currency, status, paymentId, updatedAt);
  }
}
