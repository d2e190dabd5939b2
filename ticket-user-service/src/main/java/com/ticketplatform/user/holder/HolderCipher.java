package com.ticketplatform.user.holder;

import com.ticketplatform.starter.keys.KeyRing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts ID numbers at rest (AES-256-GCM) with the current generation of the holder-data key, naming it in the
 * stored text ({@code k<generation>:<base64 of IV + ciphertext>}; text without a prefix is from before rotation, key
 * generation 1), and decrypts with whichever generation a value names. The lookup hash (HMAC-SHA256, for duplicate
 * checks) is keyed from generation 1 and never rotates: a new lookup key would orphan every stored hash. The keys
 * live in a {@link KeyRing}, wrapped by the key vault (docs/ARCHITECTURE.md §9).
 */
public class HolderCipher {

  public static final String PURPOSE = "holder-data-aes256";
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<KeyRing.Generation> current;
  private final IntFunction<Optional<KeyRing.Generation>> byNumber;
  private final SecretKeySpec hmacKey;

  public HolderCipher(Supplier<KeyRing.Generation> current, IntFunction<Optional<KeyRing.Generation>> byNumber) {
    this.current = current;
    this.byNumber = byNumber;
    this.hmacKey = new SecretKeySpec(derive(generation(1).secret(), "ticket-holder-lookup"), "HmacSHA256");
  }

  public static HolderCipher of(KeyRing ring) {
    return new HolderCipher(ring::current, ring::byNumber);
  }

  public String encrypt(String plain) {
    KeyRing.Generation key = current.get();
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, aes(key), new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return "k" + key.number() + ":" + Base64.getEncoder().encodeToString(
          ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt", e);
    }
  }

  public String decrypt(String stored) {
    int colon = stored.indexOf(':');
    int number = colon < 0 ? 1 : Integer.parseInt(stored.substring(1, colon));
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, aes(generation(number)), new GCMParameterSpec(128, all, 0, IV_BYTES));
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

  /** A new 256-bit data key for the ring. */
  public static KeyRing.Material generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return new KeyRing.Material("holder-" + UUID.randomUUID(), key, null);
  }

  private KeyRing.Generation generation(int number) {
    return byNumber.apply(number)
        .orElseThrow(() -> new IllegalStateException("holder-data key generation " + number + " is unknown"));
  }

  private static SecretKeySpec aes(KeyRing.Generation key) {
    if (key.secret().length != 32) {
      throw new IllegalStateException("a holder-data key must be 32 bytes");
    }
    return new SecretKeySpec(key.secret(), "AES");
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
}
