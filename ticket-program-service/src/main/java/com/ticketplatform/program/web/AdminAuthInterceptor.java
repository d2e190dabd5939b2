package com.ticketplatform.program.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.AuthHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /api/admin/**}: the gateway has verified the token and forwards the caller's id and roles; without an
 * id the caller is anonymous (401), without role ADMIN it is not allowed (403).
 */
public class AdminAuthInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String userId = request.getHeader(AuthHeaders.USER_ID);
    if (userId == null || userId.isBlank() || !userId.trim().chars().allMatch(Character::isDigit)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "authentication required");
    }
    String roles = request.getHeader(AuthHeaders.USER_ROLES);
    boolean admin = roles != null
        && Arrays.stream(roles.split(",")).map(String::trim).anyMatch(AuthHeaders.ROLE_ADMIN::equals);
    if (!admin) {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "role ADMIN required");
    }
    return true;
  }
}
