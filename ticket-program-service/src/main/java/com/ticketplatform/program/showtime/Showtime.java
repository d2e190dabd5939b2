package com.ticketplatform.program.showtime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.math.BigDecimal;
import java.time.Instant;

@TableName("showtime")
public class Showtime {
  @TableId(type = IdType.INPUT)
  public Long id;
  public Long programId;
  public Long cinemaId;
  public Long hallId;
  public Instant startsAt;
  public Instant endsAt;
  public String status;
  public BigDecimal priceA;
  public BigDecimal priceB;
  public BigDecimal priceC;
  public String currency;
  /** 0: tickets are not named; n > 0: each names a holder, one ID number at most n tickets (ARCHITECTURE §12). */
  public Integer realNameCap;
  public Integer version;
  public Instant createdAt;
  public Instant updatedAt;

  public ShowtimeStatus statusEnum() {
    return ShowtimeStatus.valueOf(status);
  }

  public TierPrices prices() {
    return TierPrices.of(priceA, priceB, priceC, currency);
  }
}
