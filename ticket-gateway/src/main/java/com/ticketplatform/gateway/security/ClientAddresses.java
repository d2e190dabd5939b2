package com.ticketplatform.gateway.security;

import com.ticketplatform.gateway.config.GatewaySecurityProperties;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The client's address (docs/ARCHITECTURE.md §9): the TCP peer, unless the peer is one of
 * {@code ticket.gateway.trusted-proxies} (CIDRs, IPv4 or IPv6; none by default). Then {@code X-Forwarded-For} is read
 * from the right, where each trusted proxy appended the address it saw, and the first address that is not a trusted
 * proxy is the client. Whatever a client wrote further left is never taken, and an untrusted peer's
 * {@code X-Forwarded-For} is ignored altogether. An entry that is not an address stops the walk at the last trusted
 * proxy: that is the nearest address vouched for.
 */
@Component
public class ClientAddresses {

  static final String FORWARDED_FOR = "X-Forwarded-For";
  /** Literal addresses only: anything else could make the address parser resolve a host name. */
  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F.:]+");
  private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d+");

  private final List<Cidr> trusted;

  public ClientAddresses(GatewaySecurityProperties properties) {
    this.trusted = properties.trustedProxies().stream().map(Cidr::parse).toList();
  }

  /** The client's address, or null when the request has no peer address. */
  public String of(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null || remote.getAddress() == null) {
      return null;
    }
    String peer = remote.getAddress().getHostAddress();
    if (trusted.isEmpty() || !isTrusted(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : request.getHeaders().getOrEmpty(FORWARDED_FOR)) {
      for (String hop : header.split(",")) {
        hops.add(hop.trim());
      }
    }
    String nearest = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = literal(hops.get(i));
      if (hop == null) {
        return nearest;
      }
      if (!isTrusted(hop)) {
        return hop;
      }
      nearest = hop;
    }
    return nearest;
  }

  private boolean isTrusted(String address) {
    byte[] bytes = bytes(address);
    return bytes != null && trusted.stream().anyMatch(cidr -> cidr.contains(bytes));
  }

  private static byte[] bytes(String address) {
    String literal = literal(address);
    try {
      return literal == null ? null : java.net.InetAddress.getByName(literal).getAddress();
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  /** An address range ("10.0.0.0/8", "fd00::/8", or one address): IPv4 and IPv6 never match each other. */
  record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      byte[] network = bytes(slash < 0 ? text : text.substring(0, slash));
      if (network == null) {
        throw new IllegalArgumentException("ticket.gateway.trusted-proxies: not an address range: " + text);
      }
      int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("ticket.gateway.trusted-proxies: bad prefix length: " + text);
      }
      return new Cidr(network, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The address in an X-Forwarded-For entry ("1.2.3.4", "1.2.3.4:5678", "2001:db8::1", "[2001:db8::1]:443"). */
  static String literal(String hop) {
    String address = hop;
    if (address.startsWith("[")) {
      int end = address.indexOf(']');
      address = end < 0 ? "" : address.substring(1, end);
    } else {
      var v4 = IPV4_WITH_PORT.matcher(address);
      if (v4.matches()) {
        address = v4.group(1);
      }
    }
    if (address.isEmpty() || !LITERAL.matcher(address).matches() || !address.contains(".") && !address.contains(":")) {
      return null;
    }
    try {
      // a literal: parsed, never looked up
      return java.net.InetAddress.getByName(address).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }
}
