package com.ticketplatform.pay.refund;

import java.math.BigDecimal;
import java.time.Instant;

/** A ledger row of {@code t_refund} (sharded like its pay flow, by order_no). */
public class RefundRow {
  public long id;
  public long orderNo;
  public String paymentId;
  /** CUSTOMER or LATE_PAYMENT. */
  public String kind;
  public BigDecimal amount;
  public String currency;
  public String reason;
  public String idempotencyKey;
  /** REQUESTED, SUCCEEDED, FAILED. */
  public String status;
  public String providerRefundId;
  public Instant createdAt;
  public Instant updatedAt;

  public static final String KIND_CUSTOMER = "CUSTOMER";
  public static final String KIND_LATE_PAYMENT = "LATE_PAYMENT";
  public static final String REQUESTED = "REQUESTED";
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";
}
