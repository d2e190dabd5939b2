package com.ticketplatform.program.hall;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("hall")
public class Hall {
  @TableId(type = IdType.INPUT)
  public Long id;
  public Long cinemaId;
  public String name;
  public Integer seatRows;
  public Integer seatCols;
  public Integer seatCount;
  public Instant createdAt;
  public Instant updatedAt;
}
