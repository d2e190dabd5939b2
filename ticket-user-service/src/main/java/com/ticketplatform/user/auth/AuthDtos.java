package com.ticketplatform.user.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the token endpoints. */
final class AuthDtos {

  private AuthDtos() {}

  /** {@code captcha}: the CAPTCHA provider's answer, needed only after a 401 {@code CAPTCHA_REQUIRED}. */
  record LoginRequest(@NotBlank @Size(max = 256) String loginName, @NotBlank @Size(max = 256) String password,
      @Size(max = 4096) String captcha) {}

  record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {}

  record LogoutRequest(@Size(max = 256) String refreshToken) {}

  /** {@code expiresIn} is the access token's lifetime in seconds (OAuth 2 style). */
  record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {}
}
