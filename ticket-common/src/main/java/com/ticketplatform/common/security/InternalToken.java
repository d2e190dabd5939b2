package com.ticketplatform.common.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The credential of every call between the platform's own processes (docs/ARCHITECTURE.md §9): a short-lived token,
 * HMAC-SHA256 with a secret only they share, that names the calling service and vouches for the identity headers
 * it sends ({@code X-User-Id}, {@code X-User-Roles}) and the client address ({@code X-Forwarded-For}). The gateway
 * makes one per routed request, a service one per Feign call; a service accepts identity headers, and any
 * {@code /internal/**} call, only under a valid one.
 *
 * <p>Wire form: {@code v1.<expires epoch s>.<caller>.<user>.<roles>.<client>.<mac>}: empty parts stay empty, the
 * client address (which has dots) is base64url-encoded, the MAC covers everything before it. It lives 60 s: long
 * enough for a queued request, too short to be worth stealing from a log.
 */
public final class InternalToken {

  public static final String HEADER = "X-Ticket-Internal";
  static final Duration LIFETIME = Duration.ofSeconds(60);

  /** What a valid token vouches for; empty strings where the caller sent nothing. */
  public record Claims(String caller, String userId, String roles, String client) {}

  private final Clock clock;
  /**
   * The initialised MAC every call copies: {@code Mac.getInstance} + {@code init} on every call (a provider lookup
   * and a key schedule) was most of the credential's cost, and each request is signed or verified at least once
   * (docs/ARCHITECTURE.md §7.2). A copy is cheap and never shared (a Mac is not thread-safe); this one is never used.
   */
  private final Mac prototype;

  public InternalToken(String secret, Clock clock) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("ticket.internal-auth.secret is not set");
    }
    this.clock = clock;
    try {
      this.prototype = Mac.getInstance("HmacSHA256");
      prototype.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
    copyOfPrototype(); // a provider whose MAC cannot be copied fails here, not on a request
  }

  public String sign(String caller, String userId, String roles, String client) {
    String body = "v1." + (clock.instant().plus(LIFETIME).getEpochSecond()) + "." + clean(caller) + "."
        + clean(userId) + "." + clean(roles) + "." + encode(client);
    return body + "." + mac(body);
  }

  /** The claims of a well-formed, unexpired token with a valid MAC; empty otherwise. */
  public Optional<Claims> verify(String token) {
    if (token == null || token.length() > 1024) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 7 || !parts[0].equals("v1")) {
      return Optional.empty();
    }
    String body = token.substring(0, token.lastIndexOf('.'));
    byte[] expected = mac(body).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts[6].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    long expires;
    try {
      expires = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (clock.instant().getEpochSecond() > expires) {
      return Optional.empty();
    }
    return Optional.of(new Claims(parts[2], parts[3], parts[4], decode(parts[5])));
  }

  private String mac(String body) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(copyOfPrototype().doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac copyOfPrototype() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 cannot be copied", e);
    }
  }

  private static String clean(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf('.') >= 0) {
      throw new IllegalArgumentException("a token part may not contain '.': " + value);
    }
    return value;
  }

  private static String encode(String value) {
    return value == null || value.isEmpty() ? ""
        : Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String value) {
    try {
      return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
