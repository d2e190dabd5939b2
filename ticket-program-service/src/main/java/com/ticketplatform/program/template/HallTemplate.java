package com.ticketplatform.program.template;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A named seat map; {@code layout} is the {@link com.ticketplatform.program.seatmap.SeatMapSpec} as JSON. */
@TableName("hall_template")
public class HallTemplate {
  @TableId(type = IdType.INPUT)
  public Long id;
  public String name;
  public Integer seatRows;
  public Integer seatCols;
  public String layout;
  public Long createdBy;
  public Instant createdAt;
}
