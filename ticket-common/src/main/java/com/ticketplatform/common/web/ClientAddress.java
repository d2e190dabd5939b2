package com.ticketplatform.common.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for per-client limits: the one the gateway vouched for in its internal credential, which
 * {@code InternalAuthFilter} puts in X-Forwarded-For in place of anything a caller sent (docs/ARCHITECTURE.md §9).
 * Without a vouched address (internal credential off, as in a service's own tests) the last X-Forwarded-For entry
 * or the TCP peer.
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
