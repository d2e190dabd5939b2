package com.ticketplatform.common.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The identity the gateway forwarded ({@link AuthHeaders#USER_ID}, {@link AuthHeaders#USER_ROLES}); no user id for
 * anonymous callers. Services trust these headers only because the gateway strips client-sent copies.
 */
public record Caller(Long userId, Set<String> roles) {

  public Caller {
    roles = Set.copyOf(roles);
  }

  public static Caller of(String userIdHeader, String rolesHeader) {
    Long userId = null;
    if (userIdHeader != null && !userIdHeader.isBlank()) {
      try {
        userId = Long.parseLong(userIdHeader.trim());
      } catch (NumberFormatException e) {
        userId = -1L;
      }
      if (userId <= 0) {
        throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "caller identity is invalid");
      }
    }
    Set<String> roles = rolesHeader == null ? Set.of()
        : Arrays.stream(rolesHeader.split(",")).map(String::trim).filter(r -> !r.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    return new Caller(userId, roles);
  }

  public boolean isAnonymous() {
    return userId == null;
  }

  /** The caller's id; 401 for an anonymous caller. */
  public long requireUser() {
    if (userId == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "sign in first");
    }
    return userId;
  }

  public boolean isAdmin() {
    return roles.contains(AuthHeaders.ROLE_ADMIN);
  }

  /** 401 for an anonymous caller, 403 for one without role ADMIN. */
  public Caller requireAdmin() {
    requireUser();
    if (!isAdmin()) {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "administrators only");
    }
    return this;
  }

  /** Door staff of {@code cinemaId} (role {@code DOOR:<cinemaId>}), or an administrator. */
  public boolean isDoorOf(long cinemaId) {
    return isAdmin() || roles.contains(AuthHeaders.ROLE_DOOR + ":" + cinemaId);
  }

  /** 401 for an anonymous caller, 403 for one who is neither door staff of some cinema nor an administrator. */
  public Caller requireDoorStaff() {
    requireUser();
    if (!isAdmin() && roles.stream().noneMatch(r -> r.startsWith(AuthHeaders.ROLE_DOOR + ":"))) {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "door staff only");
    }
    return this;
  }
}
