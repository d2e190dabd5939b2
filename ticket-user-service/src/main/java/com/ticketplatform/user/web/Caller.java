package com.ticketplatform.user.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.AuthHeaders;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** The caller as the gateway vouched for it (X-User-Id, X-User-Roles). */
public record Caller(long userId, Set<String> roles) {

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean isAdmin() {
    return roles.contains(AuthHeaders.ROLE_ADMIN);
  }

  public Caller requireAdmin() {
    if (!isAdmin()) {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "this needs the ADMIN role");
    }
    return this;
  }
}
