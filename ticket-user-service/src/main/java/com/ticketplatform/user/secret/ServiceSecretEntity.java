package com.ticketplatform.user.secret;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("t_service_secret")
public class ServiceSecretEntity {

  @TableId(type = IdType.INPUT)
  private String purpose;
  private String keyId;
  private String secret;
  private String publicPart;
  private LocalDateTime createdAt;

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public String getKeyId() {
    return keyId;
  }

  public void setKeyId(String keyId) {
    this.keyId = keyId;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public String getPublicPart() {
    return publicPart;
  }

  public void setPublicPart(String publicPart) {
    this.publicPart = publicPart;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(LocalDateTime createdAt) {
    this.createdAt = createdAt;
  }
}
