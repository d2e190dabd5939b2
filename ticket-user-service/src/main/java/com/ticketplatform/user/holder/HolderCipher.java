package com.ticketplatform.user.holder;

import com.ticketplatform.user.account.Times;
import com.ticketplatform.user.secret.ServiceSecretEntity;
import com.ticketplatform.user.secret.ServiceSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts ID numbers at rest (AES-256-GCM) and derives a keyed lookup hash (HMAC-SHA256) for duplicate checks. The
 * key comes from {@code TICKET_HOLDER_DATA_KEY} (base64, 32 bytes) when set, which is what production should do (a
 * key kept apart from the data); otherwise one is generated on first start and kept in the service's own schema.
 */
@Component
public class HolderCipher {

  static final String PURPOSE = "holder-data-aes256";
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec aesKey;
  private final SecretKeySpec hmacKey;

  @Autowired
  public HolderCipher(ServiceSecrets secrets, Clock clock,
      @Value("${ticket.user.holder-data-key:}") String configuredKey) {
    this(configuredKey == null || configuredKey.isBlank()
        ? Base64.getDecoder().decode(secrets.getOrCreate(PURPOSE, () -> generate(clock)).getSecret())
        : Base64.getDecoder().decode(configuredKey.trim()));
  }

  private HolderCipher(byte[] key) {
    if (key.length != 32) {
      throw new IllegalStateException("the holder data key must be 32 bytes (base64)");
    }
    this.aesKey = new SecretKeySpec(key, "AES");
    this.hmacKey = new SecretKeySpec(derive(key, "ticket-holder-lookup"), "HmacSHA256");
  }

  static HolderCipher forKey(byte[] key) {
    return new HolderCipher(key);
  }

  public String encrypt(String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed)
          .array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt", e);
    }
  }

  public String decrypt(String stored) {
    try {
      byte[] all = Base64.getDecoder().decode(stored);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, all, 0, IV_BYTES));
      return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot decrypt", e);
    }
  }

  public String lookupHash(String plain) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hmacKey);
      return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot hash", e);
    }
  }

  private static byte[] derive(byte[] key, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ServiceSecretEntity generate(Clock clock) {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    ServiceSecretEntity row = new ServiceSecretEntity();
    row.setKeyId("holder-1");
    row.setSecret(Base64.getEncoder().encodeToString(key));
    row.setCreatedAt(Times.nowUtc(clock));
    return row;
  }
}
