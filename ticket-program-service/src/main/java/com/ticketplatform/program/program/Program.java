package com.ticketplatform.program.program;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("program")
public class Program {
  @TableId(type = IdType.INPUT)
  public Long id;
  public String title;
  public String category;
  public Integer durationMinutes;
  public String rating;
  public String posterUrl;
  public String description;
  /** Cast names joined by newlines (names may contain commas). */
  public String castMembers;
  public Instant createdAt;
  public Instant updatedAt;
}
