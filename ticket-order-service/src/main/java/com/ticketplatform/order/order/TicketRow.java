package com.ticketplatform.order.order;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.math.BigDecimal;

/** Storage shape of logical table {@code t_order_ticket}, bound to {@code t_order} (same physical suffix). */
@TableName("t_order_ticket")
public class TicketRow {
  @TableId(type = IdType.INPUT)
  public Long ticketId;
  public Long orderNo;
  public Long userId;
  public Long showtimeId;
  public Long seatId;
  public String seatLabel;
  public BigDecimal price;
  /** Real-name tickets only: the holder's name, ID type and masked ID number (docs/ARCHITECTURE.md §12). */
  public String holderName;
  public String holderIdType;
  public String holderIdMask;
}
