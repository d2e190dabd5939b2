package com.ticketplatform.order.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.AuthHeaders;
import java.util.Arrays;
import org.springframework.http.HttpStatus;

/** Reads the identity the gateway forwards (it strips client-sent copies of these headers). */
public final class RequestUser {

  private RequestUser() {}

  public static long require(String userIdHeader) {
    if (userIdHeader == null || userIdHeader.isBlank()) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "authentication required");
    }
    try {
      long id = Long.parseLong(userIdHeader.trim());
      if (id <= 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "invalid " + AuthHeaders.USER_ID);
    }
  }

  public static void requireAdmin(String rolesHeader) {
    boolean admin = rolesHeader != null && Arrays.stream(rolesHeader.split(","))
        .map(String::trim).anyMatch(AuthHeaders.ROLE_ADMIN::equals);
    if (!admin) {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "administrator role required");
    }
  }
}
