package com.ticketplatform.order.order;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.math.BigDecimal;
import java.time.Instant;

/** Storage shape of logical table {@code t_order} (ShardingSphere picks the physical one). */
@TableName("t_order")
public class OrderRow {
  @TableId(type = IdType.INPUT)
  public Long orderNo;
  public Long userId;
  public Long programId;
  public Long showtimeId;
  public Long cinemaId;
  public String programTitle;
  public String status;
  public BigDecimal amount;
  public String currency;
  public Instant showtimeStartsAt;
  public Instant showtimeMovedAt;
  public Instant expiresAt;
  public Instant paidAt;
  public String paymentId;
  public Instant closedAt;
  public String closeReason;
  public Integer version;
  public Instant createdAt;
  public Instant updatedAt;
}
