package com.ticketplatform.order.outbox;

import java.time.Instant;

/** One event waiting to be (or already) published. {@code id} carries the order's shard gene. */
public class OutboxRecord {
  public Long id;
  public String eventId;
  public String eventType;
  public String aggregateId;
  public String payload;
  public Instant createdAt;
  public Instant sentAt;
  public Integer attempts;
}
