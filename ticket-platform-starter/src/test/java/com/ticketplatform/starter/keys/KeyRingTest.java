package com.ticketplatform.starter.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The key ring over {@code t_key} rows in memory: what every instance of a service sees and does. */
class KeyRingTest {

  static final String DEV_KEK = "local-dev:NTBiIvZXAlOb5QKD16CQ2jnrMrNQ+0blEnE2KWw6mnY=";
  static final String NEW_KEK = "kek-2027:" + Base64.getEncoder().encodeToString(new byte[32]);
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final KeyRing.Policy MONTHLY = new KeyRing.Policy(Duration.ofDays(30), Duration.ofHours(1));
  static final String PURPOSE = "test-aes256";

  final InMemoryKeyRows rows = new InMemoryKeyRows();
  final KeyVault vault = LocalKeyVault.fromList(DEV_KEK);
  final TestClock clock = new TestClock(T0);
  final AtomicInteger made = new AtomicInteger();
  final Supplier<KeyRing.Material> generator = () -> {
    int n = made.incrementAndGet();
    byte[] secret = new byte[32];
    secret[0] = (byte) n;
    return new KeyRing.Material("k" + n, secret, null);
  };

  KeyRing open(KeyRing.Policy policy) {
    return open(rows, vault, policy);
  }

  KeyRing open(KeyRows on, KeyVault with, KeyRing.Policy policy) {
    return new KeyRing(PURPOSE, on, with, clock, generator, policy, Optional::empty);
  }

  @Test
  void aNewRingStartsWithOneGenerationThatIsStoredOnlyWrapped() {
    KeyRing ring = open(KeyRing.Policy.never());

    assertThat(ring.generations()).hasSize(1);
    assertThat(ring.current().number()).isEqualTo(1);
    assertThat(ring.current().secret()[0]).isEqualTo((byte) 1);
    assertThat(ring.current().activeFrom()).isEqualTo(T0);
    assertThat(rows.rows).singleElement().satisfies(row -> {
      assertThat(row.purpose()).isEqualTo(PURPOSE);
      assertThat(row.wrappedSecret()).startsWith("kek1:local-dev:")
          .doesNotContain(Base64.getEncoder().encodeToString(ring.current().secret()));
      assertThat(vault.unwrap(PURPOSE, row.wrappedSecret())).isEqualTo(ring.current().secret());
    });

    KeyRing secondInstance = open(KeyRing.Policy.never());
    assertThat(secondInstance.current().kid()).isEqualTo("k1");
    assertThat(made).as("the second instance generated nothing").hasValue(1);
  }

  @Test
  void aKeyFromBeforeBecomesGenerationOneAndIsForgottenAlsoWhenAnotherInstanceImportedItFirst() {
    byte[] old = new byte[32];
    old[0] = 7;
    AtomicBoolean forgotten = new AtomicBoolean();
    KeyRing ring = new KeyRing(PURPOSE, rows, vault, clock, generator, KeyRing.Policy.never(),
        () -> Optional.of(new KeyRing.Legacy(new KeyRing.Material("old", old, null), Instant.EPOCH,
            () -> forgotten.set(true))));

    assertThat(ring.current().kid()).isEqualTo("old");
    assertThat(ring.current().secret()).isEqualTo(old);
    assertThat(ring.current().activeFrom()).isEqualTo(Instant.EPOCH);
    assertThat(forgotten).isTrue();
    assertThat(made).hasValue(0);

    // an instance starting later (after a crash between the import and the forgetting) imports nothing and forgets
    AtomicBoolean forgottenAgain = new AtomicBoolean();
    KeyRing later = new KeyRing(PURPOSE, rows, vault, clock, generator, KeyRing.Policy.never(),
        () -> Optional.of(new KeyRing.Legacy(new KeyRing.Material("old-again", new byte[32], null), Instant.EPOCH,
            () -> forgottenAgain.set(true))));
    assertThat(later.current().secret()).isEqualTo(old);
    assertThat(rows.rows).hasSize(1);
    assertThat(forgottenAgain).isTrue();
  }

  @Test
  void theNextGenerationIsPublishedItsLeadBeforeItTakesOver() {
    KeyRing ring = open(MONTHLY);

    clock.advance(Duration.ofDays(30).minus(Duration.ofHours(1)).minusSeconds(1));
    ring.maintain();
    assertThat(ring.generations()).as("not yet within the publish lead").hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    ring.maintain();
    assertThat(ring.generations()).hasSize(2);
    KeyRing.Generation next = ring.generations().get(1);
    assertThat(next.number()).isEqualTo(2);
    assertThat(next.activeFrom()).isEqualTo(T0.plus(Duration.ofDays(30)));
    assertThat(ring.current().number()).as("published, not yet in use").isEqualTo(1);
    assertThat(ring.published(Duration.ZERO)).extracting(KeyRing.Generation::number).containsExactly(2, 1);

    ring.maintain();
    assertThat(ring.generations()).as("added once").hasSize(2);
    clock.advance(Duration.ofHours(1));
    assertThat(ring.current().number()).isEqualTo(2);
  }

  @Test
  void anInstanceThatMissedTheDueTimeStillPublishesTheNextGenerationBeforeUsingIt() {
    KeyRing ring = open(MONTHLY);

    clock.advance(Duration.ofDays(40));
    ring.maintain();

    KeyRing.Generation next = ring.generations().get(1);
    assertThat(next.activeFrom()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    assertThat(ring.current().number()).isEqualTo(1);
    ring.maintain();
    assertThat(ring.generations()).hasSize(2);
  }

  @Test
  void aNeverRotatingRingKeepsItsOneGeneration() {
    KeyRing ring = open(KeyRing.Policy.never());
    clock.advance(Duration.ofDays(3650));
    ring.maintain();
    assertThat(ring.generations()).hasSize(1);
    assertThat(new KeyRing.Policy(null, null).rotates()).isFalse();
  }

  @Test
  void ofInstancesRacingToAddTheSameGenerationOneWinsAndAllUseItsKey() {
    KeyRing winner = open(MONTHLY);
    KeyRows racing = new KeyRows() {
      @Override
      public List<StoredKey> generations(String purpose) {
        return rows.generations(purpose);
      }

      @Override
      public boolean insert(StoredKey key) {
        // the other instance adds the same generation between this one's read and its insert
        winner.maintain();
        return rows.insert(key);
      }

      @Override
      public boolean rewrap(String kid, String stale, String fresh) {
        return rows.rewrap(kid, stale, fresh);
      }
    };
    KeyRing loser = open(racing, vault, MONTHLY);
    clock.advance(Duration.ofDays(30));

    loser.maintain();

    assertThat(rows.rows).hasSize(2);
    assertThat(loser.generations()).extracting(KeyRing.Generation::kid)
        .containsExactlyElementsOf(winner.generations().stream().map(KeyRing.Generation::kid).toList());
    assertThat(loser.byNumber(2).orElseThrow().secret()).isEqualTo(winner.byNumber(2).orElseThrow().secret());
  }

  @Test
  void aGenerationAnotherInstanceAddedIsFoundByReloadingOnce() {
    KeyRing one = open(MONTHLY);
    KeyRing other = open(MONTHLY);
    clock.advance(Duration.ofDays(30));
    one.maintain();
    assertThat(other.generations()).as("not reloaded yet").hasSize(1);

    String kid = one.generations().get(1).kid();
    assertThat(other.byKid(kid)).isPresent();
    int reads = rows.reads;
    assertThat(other.byKid("unknown")).isEmpty();
    assertThat(rows.reads).as("one reload for an unknown kid").isEqualTo(reads + 1);
  }

  @Test
  void aNewKeyEncryptionKeyRewrapsEveryGenerationAndTheOldOneCanThenGo() {
    KeyRing ring = open(MONTHLY);
    clock.advance(Duration.ofDays(30));
    ring.maintain();
    assertThat(rows.rows).hasSize(2);

    LocalKeyVault rotated = LocalKeyVault.fromList(NEW_KEK + "," + DEV_KEK);
    open(rows, rotated, MONTHLY);
    assertThat(rows.rows).allSatisfy(row -> assertThat(row.wrappedSecret()).startsWith("kek1:kek-2027:"));

    KeyRing withoutOldKek = open(rows, LocalKeyVault.fromList(NEW_KEK), MONTHLY);
    assertThat(withoutOldKek.generations()).extracting(KeyRing.Generation::secret)
        .containsExactlyElementsOf(ring.generations().stream().map(KeyRing.Generation::secret).toList());
    assertThatThrownBy(() -> open(rows, vault, MONTHLY)).as("the old KEK alone no longer opens them")
        .hasMessageContaining("opens with");
    assertThat(rows.rows).as("and nothing was added in their place").hasSize(2);
  }

  @Test
  void aGenerationThatDoesNotOpenHereIsLeftOutRatherThanFailingTheOthers() {
    KeyRing ring = open(MONTHLY);
    LocalKeyVault elsewhere = LocalKeyVault.fromList(NEW_KEK);
    rows.insert(new StoredKey("k-elsewhere", PURPOSE, 2, elsewhere.wrap(PURPOSE, new byte[32]), null,
        T0.plus(Duration.ofDays(30)), T0));

    ring.maintain();

    assertThat(ring.generations()).extracting(KeyRing.Generation::number).containsExactly(1);
    assertThat(rows.rows.get(1).wrappedSecret()).as("left as it is").startsWith("kek1:kek-2027:");
    assertThat(open(MONTHLY).current().number()).isEqualTo(1);
  }

  @Test
  void aReplacedGenerationStaysPublishedUntilItsSuccessorHasBeenActiveForTheRetirePeriod() {
    KeyRing ring = open(MONTHLY);
    clock.advance(Duration.ofDays(30).minus(Duration.ofHours(1)));
    ring.maintain();
    KeyRing.Generation first = ring.generations().get(0);
    Duration retireAfter = Duration.ofMinutes(16);

    clock.advance(Duration.ofHours(1).plus(retireAfter).minusMillis(1));
    assertThat(ring.isPublished(first, retireAfter)).isTrue();
    assertThat(ring.published(retireAfter)).extracting(KeyRing.Generation::number).containsExactly(2, 1);

    clock.advance(Duration.ofMillis(1));
    assertThat(ring.isPublished(first, retireAfter)).isFalse();
    assertThat(ring.published(retireAfter)).extracting(KeyRing.Generation::number).containsExactly(2);
  }

  /** An Ed25519 key pair per generation, as a service signing e-tickets would keep it: the private half wrapped. */
  @Test
  void keyPairsSignWithTheCurrentGenerationAndVerifyWithThePublishedPublicHalf() throws Exception {
    AtomicInteger pairs = new AtomicInteger();
    KeyRing ring = new KeyRing("test-ed25519", rows, vault, clock, () -> ed25519("ed-" + pairs.incrementAndGet()),
        MONTHLY, Optional::empty);
    byte[] ticket = "ticket 42".getBytes(StandardCharsets.UTF_8);
    KeyRing.Generation signer = ring.current();
    byte[] signature = sign(signer, ticket);
    assertThat(rows.rows.get(0).publicPart()).isEqualTo(signer.publicPart());

    clock.advance(Duration.ofDays(30));
    ring.maintain();
    clock.advance(Duration.ofHours(1));
    assertThat(ring.current().kid()).isEqualTo("ed-2");

    KeyRing.Generation published = ring.published(Duration.ofDays(1)).stream()
        .filter(g -> g.kid().equals(signer.kid())).findFirst().orElseThrow();
    assertThat(verify(published.publicPart(), ticket, signature)).isTrue();
    assertThat(verify(ring.current().publicPart(), ticket, signature)).isFalse();
  }

  @Test
  void aPurposeFitsItsColumn() {
    assertThatThrownBy(() -> new KeyRing("x".repeat(33), rows, vault, clock, generator, KeyRing.Policy.never(),
        Optional::empty)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyRing(" ", rows, vault, clock, generator, KeyRing.Policy.never(),
        Optional::empty)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new KeyRing("x".repeat(32), rows, vault, clock, generator, KeyRing.Policy.never(), Optional::empty)
        .purpose()).hasSize(32);
  }

  private static KeyRing.Material ed25519(String kid) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new KeyRing.Material(kid, pair.getPrivate().getEncoded(),
          Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sign(KeyRing.Generation key, byte[] data) throws GeneralSecurityException {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(key.secret())));
    signer.update(data);
    return signer.sign();
  }

  private static boolean verify(String publicPart, byte[] data, byte[] signature) throws GeneralSecurityException {
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicPart))));
    verifier.update(data);
    return verifier.verify(signature);
  }
}
