package com.ticketplatform.pay.callback;

/** Metric tag values ({@code ticket_pay_callbacks_total{outcome=...}}) and {@code t_callback_log.outcome}. */
public enum CallbackOutcome {
  /** payment applied: flow PAID, PaymentSucceeded in the outbox */
  OK("ok"),
  /** already applied (duplicate or replayed callback): no effect */
  REPLAY("replay"),
  FORGED("forged"),
  STALE("stale"),
  AMOUNT_MISMATCH("amount_mismatch"),
  /** money for a closed (or otherwise paid) flow: refunded at the provider, recorded in the ledger */
  LATE_REFUNDED("late_refunded"),
  /** the provider reported a decline: flow back to OPEN, PaymentFailed in the outbox */
  FAILED("failed"),
  UNKNOWN_ORDER("unknown_order"),
  MALFORMED("malformed");

  private final String tag;

  CallbackOutcome(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }
}
