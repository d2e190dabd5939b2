package com.ticketplatform.starter.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyVaultTest {

  static final String A = "a:" + Base64.getEncoder().encodeToString(filled(1));
  static final String B = "b:" + Base64.getEncoder().encodeToString(filled(2));

  @Test
  void wrapsUnderThePrimaryAndUnwrapsWithAnyListedKey() {
    LocalKeyVault old = LocalKeyVault.fromList(A);
    String wrapped = old.wrap("signing", filled(9));
    assertThat(wrapped).startsWith("kek1:a:");
    assertThat(old.unwrap("signing", wrapped)).isEqualTo(filled(9));

    LocalKeyVault rotated = LocalKeyVault.fromList(B + "," + A);
    assertThat(rotated.primaryKekId()).isEqualTo("b");
    assertThat(rotated.isStale(wrapped)).isTrue();
    assertThat(rotated.unwrap("signing", wrapped)).isEqualTo(filled(9));
    assertThat(rotated.isStale(rotated.wrap("signing", filled(9)))).isFalse();
  }

  @Test
  void aWrappedKeyOpensOnlyForItsPurposeAndUntouched() {
    LocalKeyVault vault = LocalKeyVault.fromList(A);
    String wrapped = vault.wrap("signing", filled(9));
    assertThatThrownBy(() -> vault.unwrap("holder-data", wrapped)).isInstanceOf(IllegalStateException.class);
    String tampered = wrapped.substring(0, wrapped.length() - 2) + (wrapped.endsWith("A=") ? "B=" : "A=");
    assertThatThrownBy(() -> vault.unwrap("signing", tampered)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> LocalKeyVault.fromList(B).unwrap("signing", wrapped))
        .hasMessageContaining("'a'");
  }

  @Test
  void refusesToStartWithoutAUsableKey() {
    assertThatThrownBy(() -> LocalKeyVault.fromList("")).hasMessageContaining("TICKET_KEY_ENCRYPTION_KEYS");
    assertThatThrownBy(() -> LocalKeyVault.fromList("short:" + Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> LocalKeyVault.fromList("no-id-here")).hasMessageContaining("id:base64");
  }

  @Test
  void readsKeyEncryptionKeysFromAPkcs12Keystore(@TempDir Path dir) throws Exception {
    char[] password = "keystore-pass".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, password);
    store.setEntry("kek-2026", new KeyStore.SecretKeyEntry(new SecretKeySpec(filled(1), "AES")),
        new KeyStore.PasswordProtection(password));
    store.setEntry("kek-2027", new KeyStore.SecretKeyEntry(new SecretKeySpec(filled(2), "AES")),
        new KeyStore.PasswordProtection(password));
    Path file = dir.resolve("keys.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }

    LocalKeyVault vault = LocalKeyVault.fromKeystore(file, password, "kek-2027");
    String wrapped = vault.wrap("signing", filled(5));
    assertThat(wrapped).startsWith("kek1:kek-2027:");
    // the same key given through the environment opens it: the keystore is only where the key is kept
    assertThat(LocalKeyVault.fromList("kek-2027:" + Base64.getEncoder().encodeToString(filled(2)))
        .unwrap("signing", wrapped)).isEqualTo(filled(5));
    assertThat(vault.holds("kek-2026")).isTrue();
  }

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) value);
    return key;
  }
}
