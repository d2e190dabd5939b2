package com.ticketplatform.user.account;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** Login name → user id ({@code t_user_login}, physical t_user_login_0..1 by login-name hash). */
@TableName("t_user_login")
public class UserLoginEntity {

  @TableId(type = IdType.INPUT)
  private String loginName;
  private Long userId;
  private LocalDateTime createdAt;

  public UserLoginEntity() {}

  public UserLoginEntity(String loginName, Long userId, LocalDateTime createdAt) {
    this.loginName = loginName;
    this.userId = userId;
    this.createdAt = createdAt;
  }

  public String getLoginName() {
    return loginName;
  }

  public void setLoginName(String loginName) {
    this.loginName = loginName;
  }

  public Long getUserId() {
    return userId;
  }

  public void setUserId(Long userId) {
    this.userId = userId;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(LocalDateTime createdAt) {
    this.createdAt = createdAt;
  }
}
