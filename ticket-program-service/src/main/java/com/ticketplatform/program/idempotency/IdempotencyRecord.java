package com.ticketplatform.program.idempotency;

import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("idempotency_record")
public class IdempotencyRecord {
  public String scope;
  public String idemKey;
  public String requestHash;
  public Long resourceId;
  public Instant createdAt;
}
