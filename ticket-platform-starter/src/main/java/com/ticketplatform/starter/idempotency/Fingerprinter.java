package com.ticketplatform.starter.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an Idempotency-Key remembers of its request: a digest of the parts that give the request its meaning, so the
 * same key sent with another body is told apart (422). Only the digest is kept, never the request.
 */
@FunctionalInterface
public interface Fingerprinter {

  /** 64 hex characters over the parts, each as {@code String.valueOf}, NUL-separated. */
  String of(Object... parts);

  /** A plain SHA-256: for requests without secrets in them. */
  static Fingerprinter sha256() {
    return parts -> {
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Object part : parts) {
          digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /**
   * A keyed HMAC-SHA256: for requests that carry a password or an ID number, which a plain digest stored in Redis
   * would let anyone with a guess confirm. The key must never change while fingerprints made with it are kept.
   */
  static Fingerprinter hmacSha256(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
    return parts -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(spec);
        for (Object part : parts) {
          mac.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
          mac.update((byte) 0);
        }
        return HexFormat.of().formatHex(mac.doFinal());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
