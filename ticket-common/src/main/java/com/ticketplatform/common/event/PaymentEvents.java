package com.ticketplatform.common.event;

import java.math.BigDecimal;
import java.time.Instant;

/** Payloads on {@link Topics#PAYMENT_EVENTS}, keyed by order number. The envelope type is the record's simple name. */
public final class PaymentEvents {

  private PaymentEvents() {}

  public record PaymentSucceeded(long orderNo, String paymentId, BigDecimal amount, String currency,
      Instant paidAt) {}

  public record PaymentFailed(long orderNo, String paymentId, String reason) {}

  public record PaymentRefunded(long orderNo, String paymentId, String refundId, BigDecimal amount,
      String currency) {}
}
