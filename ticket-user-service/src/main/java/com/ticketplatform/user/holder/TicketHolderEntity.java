package com.ticketplatform.user.holder;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** {@code t_ticket_holder} (physical t_ticket_holder_0..1 by owner user id). */
@TableName("t_ticket_holder")
public class TicketHolderEntity {

  @TableId(type = IdType.INPUT)
  private Long id;
  private Long userId;
  private String name;
  private String idType;
  private String idNumberEnc;
  private String idNumberMask;
  private String idNumberHash;
  private LocalDateTime createdAt;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Long getUserId() {
    return userId;
  }

  public void setUserId(Long userId) {
    this.userId = userId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getIdType() {
    return idType;
  }

  public void setIdType(String idType) {
    this.idType = idType;
  }

  public String getIdNumberEnc() {
    return idNumberEnc;
  }

  public void setIdNumberEnc(String idNumberEnc) {
    this.idNumberEnc = idNumberEnc;
  }

  public String getIdNumberMask() {
    return idNumberMask;
  }

  public void setIdNumberMask(String idNumberMask) {
    this.idNumberMask = idNumberMask;
  }

  public String getIdNumberHash() {
    return idNumberHash;
  }

  public void setIdNumberHash(String idNumberHash) {
    this.idNumberHash = idNumberHash;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(LocalDateTime createdAt) {
    this.createdAt = createdAt;
  }
}
