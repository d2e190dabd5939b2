package com.ticketplatform.pay.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the provider's {@code X-Pay-Signature: t=<unix seconds>,v1=<hex>} header: v1 must equal
 * HMAC-SHA256(secret, t + "." + rawBody) over the exact bytes received (never a re-serialised body), compared in
 * constant time, and t must lie within the tolerance of our clock so a captured callback cannot be replayed later.
 */
public final class CallbackSignatureVerifier {

  public static final String HEADER = "X-Pay-Signature";

  public enum Result { VALID, BAD_SIGNATURE, STALE }

  private final byte[] secret;
  private final Duration tolerance;

  public CallbackSignatureVerifier(String secret, Duration tolerance) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.tolerance = tolerance;
  }

  public Result verify(String header, byte[] rawBody, Instant now) {
    if (header == null || header.isBlank()) {
      return Result.BAD_SIGNATURE;
    }
    Long timestamp = null;
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      if (kv[0].equals("t")) {
        try {
          timestamp = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          return Result.BAD_SIGNATURE;
        }
      } else if (kv[0].equals("v1")) {
        signatures.add(kv[1]);
      }
    }
    if (timestamp == null || signatures.isEmpty()) {
      return Result.BAD_SIGNATURE;
    }
    byte[] expected = HexFormat.of().formatHex(hmac(timestamp, rawBody)).getBytes(StandardCharsets.US_ASCII);
    boolean matches = false;
    for (String candidate : signatures) {
      matches |= MessageDigest.isEqual(expected, candidate.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
    if (!matches) {
      return Result.BAD_SIGNATURE;
    }
    long skew = Math.abs(now.getEpochSecond() - timestamp);
    return skew > tolerance.toSeconds() ? Result.STALE : Result.VALID;
  }

  private byte[] hmac(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
