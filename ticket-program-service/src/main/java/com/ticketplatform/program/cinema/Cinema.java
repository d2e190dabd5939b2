package com.ticketplatform.program.cinema;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("cinema")
public class Cinema {
  @TableId(type = IdType.INPUT)
  public Long id;
  public String name;
  public String city;
  public String address;
  /** An IANA time zone id (docs/ARCHITECTURE.md §6). */
  public String timeZone;
  public Instant createdAt;
  public Instant updatedAt;
}
