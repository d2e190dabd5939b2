package com.ticketplatform.common.event;

/** Kafka topic names (docs/ARCHITECTURE.md §3). Records are keyed by the aggregate id. */
public final class Topics {

  public static final String ORDER_EVENTS = "ticket.order.events";
  public static final String PAYMENT_EVENTS = "ticket.payment.events";
  public static final String PROGRAM_EVENTS = "ticket.program.events";
  /** Orders accepted for placing off the request (docs/ARCHITECTURE.md §2 "Accepted orders"), keyed by showtime. */
  public static final String ORDER_INTENTS = "ticket.order.intents";

  private Topics() {}
}
