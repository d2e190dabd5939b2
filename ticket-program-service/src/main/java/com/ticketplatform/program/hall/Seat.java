package com.ticketplatform.program.hall;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("seat")
public class Seat {
  @TableId(type = IdType.INPUT)
  public Long id;
  public Long hallId;
  public Integer rowNo;
  public Integer colNo;
  public String label;
  public String seatType;
  public String priceTier;
}
