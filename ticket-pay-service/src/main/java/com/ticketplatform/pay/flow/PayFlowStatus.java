package com.ticketplatform.pay.flow;

import java.util.Set;

/**
 * The pay flow's life: OPEN → PAYING (payment created at the provider) → PAID → REFUNDING → REFUNDED; OPEN/PAYING →
 * CLOSED (order cancelled or expired); PAYING → OPEN when the provider reports a decline (the customer may retry).
 */
public enum PayFlowStatus {
  OPEN, PAYING, PAID, CLOSED, REFUNDING, REFUNDED;

  /** States in which the customer's money has not arrived and the flow may still accept it. */
  public static final Set<PayFlowStatus> AWAITING_PAYMENT = Set.of(OPEN, PAYING);

  /** States in which the provider holds (or held) money for this flow's payment. */
  public static final Set<PayFlowStatus> MONEY_RECEIVED = Set.of(PAID, REFUNDING, REFUNDED);

  public boolean awaitingPayment() {
    return AWAITING_PAYMENT.contains(this);
  }

  public boolean moneyReceived() {
    return MONEY_RECEIVED.contains(this);
  }
}
