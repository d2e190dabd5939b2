package com.ticketplatform.program.event;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("outbox_event")
public class OutboxEvent {
  @TableId(type = IdType.INPUT)
  public Long id;
  public String topic;
  public String msgKey;
  public String payload;
  public Instant createdAt;
  public Instant publishedAt;
}
