package com.ticketplatform.comment.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.AuthHeaders;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** The identity the gateway forwarded (X-User-Id, X-User-Roles); absent for anonymous callers. */
record Caller(Long userId, Set<String> roles) {

  static Caller of(String userIdHeader, String rolesHeader) {
    Long userId = null;
    if (userIdHeader != null && !userIdHeader.isBlank()) {
      try {
        userId = Long.parseLong(userIdHeader.trim());
      } catch (NumberFormatException e) {
        throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "caller identity is invalid");
      }
    }
    Set<String> roles = rolesHeader == null ? Set.of()
        : Arrays.stream(rolesHeader.split(",")).map(String::trim).filter(r -> !r.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    return new Caller(userId, roles);
  }

  long requireUser() {
    if (userId == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "sign in first");
    }
    return userId;
  }

  boolean isAdmin() {
    return roles.contains(AuthHeaders.ROLE_ADMIN);
  }

  void requireAdmin() {
    if (!isAdmin()) {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "administrators only");
    }
  }
}
