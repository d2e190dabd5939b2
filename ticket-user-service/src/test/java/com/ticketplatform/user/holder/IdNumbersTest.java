package com.ticketplatform.user.holder;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.starter.keys.KeyRing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

  @Test
  void acceptsIdCardsWithAValidCheckCharacter() {
    assertThat(IdNumbers.normalise(IdType.ID_CARD, "11010519491231002x")).contains("11010519491231002X");
    assertThat(IdNumbers.normalise(IdType.ID_CARD, "110105 19491231 002X")).contains("11010519491231002X");
    assertThat(IdNumbers.normalise(IdType.ID_CARD, "440524198001010013")).contains("440524198001010013");
  }

  @Test
  void rejectsIdCardsWithWrongCheckCharacterDateOrLength() {
    assertThat(IdNumbers.normalise(IdType.ID_CARD, "110105194912310021")).isEmpty();
    assertThat(IdNumbers.normalise(IdType.ID_CARD, "110105194913310025")).isEmpty();
    assertThat(IdNumbers.normalise(IdType.ID_CARD, "11010519491231002")).isEmpty();
    assertThat(IdNumbers.normalise(IdType.ID_CARD, null)).isEmpty();
  }

  @Test
  void validatesOtherDocumentTypes() {
    assertThat(IdNumbers.normalise(IdType.PASSPORT, "e12345678")).contains("E12345678");
    assertThat(IdNumbers.normalise(IdType.PASSPORT, "E1")).isEmpty();
    assertThat(IdNumbers.normalise(IdType.HK_MACAO_PERMIT, "H12345678")).contains("H12345678");
    assertThat(IdNumbers.normalise(IdType.HK_MACAO_PERMIT, "X12345678")).isEmpty();
    assertThat(IdNumbers.normalise(IdType.TAIWAN_PERMIT, "12345678")).contains("12345678");
    assertThat(IdNumbers.normalise(IdType.TAIWAN_PERMIT, "1234567")).isEmpty();
  }

  @Test
  void masksAllButTheEnds() {
    assertThat(IdNumbers.mask("330106199001011234")).isEqualTo("3301**********1234");
    assertThat(IdNumbers.mask("E12345678")).isEqualTo("E1*****78");
    assertThat(IdNumbers.mask("ABCDE")).isEqualTo("A***E");
    assertThat(IdNumbers.mask("AB")).isEqualTo("**");
  }

  @Test
  void cipherRoundTripsAndHidesThePlainText() {
    HolderCipher cipher = cipherAt(List.of(generation(1, 1)), 1);
    String sealed = cipher.encrypt("11010519491231002X");
    assertThat(sealed).startsWith("k1:").doesNotContain("1949");
    assertThat(new String(Base64.getDecoder().decode(sealed.substring(3)), StandardCharsets.ISO_8859_1))
        .doesNotContain("1949");
    assertThat(cipher.encrypt("11010519491231002X")).as("random IV").isNotEqualTo(sealed);
    assertThat(cipher.decrypt(sealed)).isEqualTo("11010519491231002X");
    assertThat(cipher.lookupHash("x")).isEqualTo(cipher.lookupHash("x")).hasSize(64);
  }

  @Test
  void afterRotationNewValuesUseTheNewKeyAndOldOnesStillOpen() {
    List<KeyRing.Generation> keys = List.of(generation(1, 1), generation(2, 2));
    HolderCipher before = cipherAt(keys, 1);
    String old = before.encrypt("E12345678");
    HolderCipher after = cipherAt(keys, 2);
    String fresh = after.encrypt("E12345678");
    assertThat(fresh).startsWith("k2:");
    assertThat(after.decrypt(old)).isEqualTo("E12345678");
    assertThat(after.decrypt(fresh)).isEqualTo("E12345678");
    assertThat(after.lookupHash("PASSPORT:E12345678")).as("duplicate checks survive rotation")
        .isEqualTo(before.lookupHash("PASSPORT:E12345678"));
    // a value stored before keys had generations (no prefix) is generation 1's
    assertThat(after.decrypt(old.substring(3))).isEqualTo("E12345678");
  }

  private static KeyRing.Generation generation(int number, int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return new KeyRing.Generation("holder-" + number, number, key, null, Instant.EPOCH);
  }

  private static HolderCipher cipherAt(List<KeyRing.Generation> keys, int current) {
    return new HolderCipher(() -> keys.get(current - 1),
        n -> keys.stream().filter(g -> g.number() == n).findFirst());
  }
}
