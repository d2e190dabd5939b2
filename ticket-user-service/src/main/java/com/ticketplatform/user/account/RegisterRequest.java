package com.ticketplatform.user.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RegisterRequest(
    @NotBlank @ValidLoginName String loginName,
    @NotBlank @ValidPassword String password,
    @NotBlank @Size(max = 64) String displayName) {}
