package com.ticketplatform.starter.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link KeyVault} whose key-encryption keys (AES-256) are given to the process: either a PKCS#12 keystore file
 * (every secret-key entry is a KEK named by its alias; the primary alias wraps new keys) or the environment, as
 * {@code id:base64[,id:base64...]} with the primary first. Rotating the KEK: add the new one as primary and keep the
 * old one listed until every service has started once (each re-wraps its stale keys at start), then remove it.
 *
 * <p>Wrapped form: {@code kek1:<kek id>:<base64 of 12-byte IV + AES-GCM ciphertext>}, with the KEK id and the
 * purpose as associated data.
 */
public final class LocalKeyVault implements KeyVault {

  /** The KEK id of the development key that the local profile uses; refused anywhere else. */
  public static final String DEV_KEK_ID = "local-dev";

  private static final String FORMAT = "kek1";
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, SecretKeySpec> keks;
  private final String primary;

  private LocalKeyVault(Map<String, SecretKeySpec> keks, String primary) {
    if (keks.isEmpty() || !keks.containsKey(primary)) {
      throw new IllegalStateException("no key-encryption key: set TICKET_KEY_ENCRYPTION_KEYS (id:base64 of 32 random"
          + " bytes) or ticket.keys.keystore (a PKCS#12 file) with ticket.keys.primary (docs/ARCHITECTURE.md §9)");
    }
    this.keks = Collections.unmodifiableMap(keks);
    this.primary = primary;
  }

  /** KEKs from {@code id:base64,id:base64}; the first is primary. */
  public static LocalKeyVault fromList(String list) {
    Map<String, SecretKeySpec> keks = new LinkedHashMap<>();
    String primary = null;
    for (String entry : list == null ? new String[0] : list.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new IllegalStateException("a key-encryption key is written id:base64, not " + describe(entry));
      }
      String id = entry.substring(0, colon).strip();
      keks.put(id, aes(id, Base64.getDecoder().decode(entry.substring(colon + 1).strip())));
      primary = primary == null ? id : primary;
    }
    return new LocalKeyVault(keks, primary);
  }

  /** KEKs from the secret-key entries of a PKCS#12 keystore. */
  public static LocalKeyVault fromKeystore(Path file, char[] password, String primary) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      Map<String, SecretKeySpec> keks = new LinkedHashMap<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          Key key = store.getKey(alias, password);
          if (key != null && "AES".equalsIgnoreCase(key.getAlgorithm())) {
            keks.put(alias, aes(alias, key.getEncoded()));
          }
        }
      }
      return new LocalKeyVault(keks, primary == null || primary.isBlank() ? firstOf(keks) : primary);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the keystore " + file + ": " + e.getMessage(), e);
    }
  }

  /** The id of the KEK that wraps new keys. */
  public String primaryKekId() {
    return primary;
  }

  public boolean holds(String kekId) {
    return keks.containsKey(kekId);
  }

  @Override
  public String wrap(String purpose, byte[] dataKey) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keks.get(primary), new GCMParameterSpec(128, iv));
      cipher.updateAAD(aad(primary, purpose));
      byte[] sealed = cipher.doFinal(dataKey);
      return FORMAT + ":" + primary + ":" + Base64.getEncoder().encodeToString(
          ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap a " + purpose + " key", e);
    }
  }

  @Override
  public byte[] unwrap(String purpose, String wrapped) {
    String[] parts = wrapped.split(":", 3);
    if (parts.length != 3 || !FORMAT.equals(parts[0])) {
      throw new IllegalStateException("a " + purpose + " key is not in the wrapped form");
    }
    SecretKeySpec kek = keks.get(parts[1]);
    if (kek == null) {
      throw new IllegalStateException("the " + purpose + " key was wrapped with key-encryption key '" + parts[1]
          + "', which this service was not given (keep it listed until every key is re-wrapped)");
    }
    try {
      byte[] all = Base64.getDecoder().decode(parts[2]);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, all, 0, IV_BYTES));
      cipher.updateAAD(aad(parts[1], purpose));
      return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the " + purpose + " key does not unwrap: wrong key-encryption key '"
          + parts[1] + "', or altered", e);
    }
  }

  @Override
  public boolean isStale(String wrapped) {
    return !wrapped.startsWith(FORMAT + ":" + primary + ":");
  }

  private static byte[] aad(String kekId, String purpose) {
    return (kekId + "\n" + purpose).getBytes(StandardCharsets.UTF_8);
  }

  private static SecretKeySpec aes(String id, byte[] key) {
    if (key.length != 32) {
      throw new IllegalStateException("key-encryption key '" + id + "' must be 32 bytes (AES-256), not " + key.length);
    }
    return new SecretKeySpec(key, "AES");
  }

  private static String firstOf(Map<String, SecretKeySpec> keks) {
    return keks.isEmpty() ? "" : keks.keySet().iterator().next();
  }

  private static String describe(String entry) {
    return entry.length() > 8 ? "'" + entry.substring(0, 8) + "…'" : "'" + entry + "'";
  }
}
