package com.ticketplatform.user.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for per-IP limits. The service is reachable only through the gateway, which replaces any
 * client-sent X-Forwarded-For with the address it saw; the last entry is the one the nearest proxy vouches for.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(HttpServletRequest request) {
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      String[] hops = forwarded.split(",");
      String last = hops[hops.length - 1].trim();
      if (!last.isEmpty()) {
        return last;
      }
    }
    return request.getRemoteAddr();
  }
}
