package com.ticketplatform.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.starter.keys.KeyRing;
import com.ticketplatform.starter.keys.KeyRows;
import com.ticketplatform.starter.keys.KeyVault;
import com.ticketplatform.starter.keys.LocalKeyVault;
import com.ticketplatform.starter.keys.StoredKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Key rings against the real schema (the starter's {@code JdbcKeyRows} on {@code t_key}): moving plain-text keys in,
 * re-wrapping under a new key-encryption key, and instances racing to add the same generation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KeyRingIT {

  static final String DEV_KEK = "local-dev:NTBiIvZXAlOb5QKD16CQ2jnrMrNQ+0blEnE2KWw6mnY=";

  @Autowired
  KeyRows rows;
  @Autowired
  KeyVault vault;

  @Test
  void aPlainTextKeyFromBeforeBecomesGenerationOneAndIsForgotten() {
    String purpose = "test-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] old = new byte[32];
    old[0] = 7;
    AtomicBoolean forgotten = new AtomicBoolean();
    KeyRing ring = new KeyRing(purpose, rows, vault, Clock.systemUTC(), () -> material(1), KeyRing.Policy.never(),
        () -> Optional.of(new KeyRing.Legacy(new KeyRing.Material("old-" + purpose, old, null),
            Instant.parse("2026-01-01T00:00:00Z"), () -> forgotten.set(true))));

    assertThat(ring.current().kid()).isEqualTo("old-" + purpose);
    assertThat(ring.current().secret()).isEqualTo(old);
    assertThat(forgotten).isTrue();
    List<StoredKey> stored = rows.generations(purpose);
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).wrappedSecret()).startsWith("kek1:local-dev:")
        .doesNotContain(Base64.getEncoder().encodeToString(old));

    // a second instance starting later (say after a crash between the import and the delete) finds the ring, imports
    // nothing, and forgets the plain-text key that is still there
    AtomicBoolean forgottenAgain = new AtomicBoolean();
    byte[] other = new byte[32];
    other[0] = 9;
    KeyRing second = new KeyRing(purpose, rows, vault, Clock.systemUTC(), () -> material(2), KeyRing.Policy.never(),
        () -> Optional.of(new KeyRing.Legacy(new KeyRing.Material("old-again-" + purpose, other, null),
            Instant.parse("2026-01-01T00:00:00Z"), () -> forgottenAgain.set(true))));
    assertThat(second.current().secret()).isEqualTo(old);
    assertThat(rows.generations(purpose)).hasSize(1);
    assertThat(forgottenAgain).isTrue();
  }

  @Test
  void aNewKeyEncryptionKeyRewrapsEveryGenerationAndTheOldOneCanThenGo() {
    String purpose = "test-" + UUID.randomUUID().toString().substring(0, 8);
    KeyRing.Policy everySecond = new KeyRing.Policy(Duration.ofSeconds(1), Duration.ZERO);
    KeyRing ring = new KeyRing(purpose, rows, vault, Clock.systemUTC(), () -> material(1), everySecond,
        Optional::empty);
    ring.maintain();
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5));
    new KeyRing(purpose, rows, vault, later, () -> material(2), everySecond, Optional::empty).maintain();
    assertThat(rows.generations(purpose)).hasSizeGreaterThanOrEqualTo(2);

    String fresh = "kek-2027:" + Base64.getEncoder().encodeToString(new byte[32]);
    LocalKeyVault rotated = LocalKeyVault.fromList(fresh + "," + DEV_KEK);
    new KeyRing(purpose, rows, rotated, later, () -> material(3), KeyRing.Policy.never(), Optional::empty);
    assertThat(rows.generations(purpose)).allSatisfy(row -> assertThat(row.wrappedSecret()).startsWith("kek1:kek-2027:"));

    KeyRing withoutOldKek = new KeyRing(purpose, rows, LocalKeyVault.fromList(fresh), later, () -> material(4),
        KeyRing.Policy.never(), Optional::empty);
    assertThat(withoutOldKek.generations()).hasSameSizeAs(rows.generations(purpose));
    assertThatThrownBy(() -> new KeyRing(purpose, rows, vault, later, () -> material(5), KeyRing.Policy.never(),
        Optional::empty)).as("the old KEK alone no longer opens them").hasMessageContaining("opens with");
    assertThat(rows.generations(purpose)).as("and nothing was added in their place")
        .hasSameSizeAs(withoutOldKek.generations());
  }

  @Test
  void ofInstancesRacingToAddAGenerationOneWinsAndTheOthersUseItsKey() {
    String purpose = "test-" + UUID.randomUUID().toString().substring(0, 8);
    KeyRing first = new KeyRing(purpose, rows, vault, Clock.systemUTC(), () -> material(1), KeyRing.Policy.never(),
        Optional::empty);
    StoredKey theirs = rows.generations(purpose).get(0);
    StoredKey mine = new StoredKey("k-" + UUID.randomUUID(), purpose, 1, vault.wrap(purpose, new byte[32]), null,
        Instant.now(), Instant.now());

    assertThat(rows.insert(mine)).as("the same generation again").isFalse();
    assertThat(rows.insert(new StoredKey(theirs.kid(), purpose, 2, theirs.wrappedSecret(), null, Instant.now(),
        Instant.now()))).as("the same kid again").isFalse();
    assertThat(rows.rewrap(theirs.kid(), "not what is stored", vault.wrap(purpose, new byte[32])))
        .as("a re-wrap someone else did first").isFalse();
    assertThat(rows.generations(purpose)).containsExactly(theirs);
    assertThat(first.current().kid()).isEqualTo(theirs.kid());
  }

  private static KeyRing.Material material(int n) {
    byte[] secret = new byte[32];
    secret[0] = (byte) n;
    return new KeyRing.Material("k" + n + "-" + UUID.randomUUID(), secret, null);
  }
}
