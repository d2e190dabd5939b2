package com.ticketplatform.sandbox.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a callback the way the provider documents it: header {@code X-Pay-Signature: t=<unix seconds>,v1=<hex>}
 * where v1 = HMAC-SHA256(secret, t + "." + rawBody). The timestamp inside the MAC lets the merchant reject replays.
 */
public final class CallbackSigner {

  public static final String HEADER = "X-Pay-Signature";

  private final byte[] secret;

  public CallbackSigner(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  public String signatureHeader(long unixSeconds, String rawBody) {
    return "t=" + unixSeconds + ",v1=" + hmacHex(unixSeconds + "." + rawBody);
  }

  private String hmacHex(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
