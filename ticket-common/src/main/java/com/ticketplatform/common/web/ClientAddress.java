package com.ticketplatform.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The client for per-client limits (login throttling, registrations, comment budgets): the address the gateway
 * vouched for in its internal credential, which {@code InternalAuthFilter} puts in X-Forwarded-For in place of anything
 * a caller sent (docs/ARCHITECTURE.md §9); without one (internal credential off, as in a service's own tests) the last
 * X-Forwarded-For entry or the TCP peer. An IPv6 client counts as its /64: one home connection holds a whole /64 and
 * could otherwise take a fresh address, and a fresh budget, for every attempt.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(HttpServletRequest request) {
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      String[] hops = forwarded.split(",");
      String last = hops[hops.length - 1].trim();
      if (!last.isEmpty()) {
        return limitSubject(last);
      }
    }
    return limitSubject(request.getRemoteAddr());
  }

  /** IPv4 as it is; IPv6 as its /64 network in canonical form ({@code 2001:db8:1:2:0:0:0:0/64}). */
  static String limitSubject(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address;
    }
    String literal = address.startsWith("[") && address.endsWith("]")
        ? address.substring(1, address.length() - 1) : address;
    try {
      // a literal, never a name: no lookup happens (a name would have no ':' to begin with)
      InetAddress parsed = InetAddress.getByName(literal);
      if (parsed instanceof Inet6Address) {
        byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        return InetAddress.getByAddress(network).getHostAddress() + "/64";
      }
      return parsed.getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
