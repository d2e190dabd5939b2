package com.ticketplatform.order.idempotency;

import java.time.Instant;

public class IdempotencyRecord {
  public Long userId;
  public String idemKey;
  public String requestHash;
  public Long orderNo;
  public Instant createdAt;
  public Instant updatedAt;
}
