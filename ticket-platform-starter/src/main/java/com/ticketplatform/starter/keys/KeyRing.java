package com.ticketplatform.starter.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generations of one key (docs/ARCHITECTURE.md §9). Each is stored in the service's {@code t_key} table
 * ({@link KeyRows}) wrapped by the {@link KeyVault}, and held unwrapped in memory only. Rotation adds the next
 * generation {@code publishLead} before it becomes active, so whoever verifies with published keys sees it before
 * anything is signed with it; older generations stay for whoever still holds their signatures or ciphertexts, and
 * {@link #isPublished} says until when a verifier needs one. Every instance keeps its copy fresh with
 * {@link #maintain()} (the starter's {@link KeyRingMaintenance} calls it for every ring bean), instances racing to add
 * the same generation agree through the table's {@code (purpose, generation)} key, and a lookup of an unknown
 * generation reloads once (another instance may have just added it).
 */
public final class KeyRing {

  private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

  /** The width of {@code t_key.purpose}. */
  static final int MAX_PURPOSE_LENGTH = 32;

  /** One generation, unwrapped. */
  public record Generation(String kid, int number, byte[] secret, String publicPart, Instant activeFrom) {}

  /** A new key's parts: its id, its secret (private half) and, for key pairs, its public half. */
  public record Material(String kid, byte[] secret, String publicPart) {}

  /** A key from before the ring (plain text): imported as generation 1, then {@code forget} removes the original. */
  public record Legacy(Material material, Instant activeFrom, Runnable forget) {}

  /**
   * @param rotateEvery how long a generation signs or encrypts before the next takes over; zero: never rotated
   * @param publishLead how long before becoming active a new generation is already published
   */
  public record Policy(Duration rotateEvery, Duration publishLead) {

    public Policy {
      rotateEvery = rotateEvery == null ? Duration.ZERO : rotateEvery;
      publishLead = publishLead == null ? Duration.ZERO : publishLead;
    }

    public static Policy never() {
      return new Policy(Duration.ZERO, Duration.ZERO);
    }

    boolean rotates() {
      return !rotateEvery.isZero() && !rotateEvery.isNegative();
    }
  }

  private final String purpose;
  private final KeyRows rows;
  private final KeyVault vault;
  private final Clock clock;
  private final Supplier<Material> generator;
  private final Policy policy;
  private volatile List<Generation> generations = List.of();

  /**
   * Opens the ring of {@code purpose}: loads its generations, and on the very first start imports {@code legacy} (or
   * generates) generation 1. Fails when generations exist but none opens with the vault's key-encryption keys.
   *
   * @param purpose what the key is for, at most 32 characters; also what the vault binds each wrapped secret to
   * @param generator makes the material of a new generation
   * @param legacy a key kept elsewhere before the ring existed, if any
   */
  public KeyRing(String purpose, KeyRows rows, KeyVault vault, Clock clock, Supplier<Material> generator,
      Policy policy, Supplier<Optional<Legacy>> legacy) {
    if (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE_LENGTH) {
      throw new IllegalArgumentException("a key purpose is 1 to " + MAX_PURPOSE_LENGTH + " characters: " + purpose);
    }
    this.purpose = purpose;
    this.rows = rows;
    this.vault = vault;
    this.clock = clock;
    this.generator = generator;
    this.policy = policy;
    int unreadable = reload();
    if (generations.isEmpty() && unreadable > 0) {
      throw new IllegalStateException("no " + purpose + " key opens with the key-encryption keys this service was"
          + " given: keep the key that wrapped them listed (docs/ARCHITECTURE.md §9)");
    }
    Optional<Legacy> old = legacy.get();
    if (generations.isEmpty()) {
      if (old.isPresent()) {
        add(1, old.get().material(), old.get().activeFrom());
      } else {
        add(1, generator.get(), clock.instant());
      }
      reload();
    }
    // a plain-text key from before is forgotten once the ring holds its keys, also when a crash came in between
    old.ifPresent(imported -> imported.forget().run());
    maintain();
  }

  public String purpose() {
    return purpose;
  }

  /** The generation in use now: the newest that is active. */
  public Generation current() {
    Instant now = clock.instant();
    List<Generation> all = generations;
    for (int i = all.size() - 1; i >= 0; i--) {
      if (!all.get(i).activeFrom().isAfter(now)) {
        return all.get(i);
      }
    }
    return all.get(0);
  }

  /** Every generation, oldest first, including one published but not yet active. */
  public List<Generation> generations() {
    return generations;
  }

  public Optional<Generation> byKid(String kid) {
    return find(g -> g.kid().equals(kid));
  }

  public Optional<Generation> byNumber(int number) {
    return find(g -> g.number() == number);
  }

  /**
   * Whether a verifier still needs {@code generation}: from when it is added (before it is active) until its successor
   * has been active for {@code retireAfter}, how long whatever it signed stays valid (plus the clock skew allowed
   * between the signer and the verifiers). The newest generation is always published.
   */
  public boolean isPublished(Generation generation, Duration retireAfter) {
    Instant now = clock.instant();
    return generations.stream()
        .filter(next -> next.number() == generation.number() + 1)
        .findFirst()
        .map(next -> now.isBefore(next.activeFrom().plus(retireAfter)))
        .orElse(true);
  }

  /** The generations a verifier needs now ({@link #isPublished}), newest first. */
  public List<Generation> published(Duration retireAfter) {
    List<Generation> all = generations;
    List<Generation> published = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (isPublished(all.get(i), retireAfter)) {
        published.add(all.get(i));
      }
    }
    return published;
  }

  /**
   * Reloads, re-wraps generations wrapped with an older KEK, and adds the next generation when the current one is
   * within {@code publishLead} of its end. Safe on every instance at once.
   */
  public void maintain() {
    rewrapStale(load());
    if (!policy.rotates()) {
      return;
    }
    List<Generation> all = generations;
    Generation newest = all.get(all.size() - 1);
    Instant now = clock.instant();
    Instant due = newest.activeFrom().plus(policy.rotateEvery());
    if (!now.isBefore(due.minus(policy.publishLead()))) {
      // never active before it has been published for publishLead, also when no instance ran at the due time
      Instant activeFrom = due.isAfter(now.plus(policy.publishLead())) ? due : now.plus(policy.publishLead());
      add(newest.number() + 1, generator.get(), activeFrom);
      reload();
    }
  }

  private Optional<Generation> find(Predicate<Generation> which) {
    Optional<Generation> found = generations.stream().filter(which).findFirst();
    if (found.isEmpty()) {
      reload();
      found = generations.stream().filter(which).findFirst();
    }
    return found;
  }

  private void add(int number, Material material, Instant activeFrom) {
    StoredKey row = new StoredKey(material.kid(), purpose, number, vault.wrap(purpose, material.secret()),
        material.publicPart(), activeFrom, clock.instant());
    if (rows.insert(row)) {
      log.info("key {} generation {} ({}) active from {}", purpose, number, material.kid(), activeFrom);
    }
    // else another instance added this generation first: theirs is the one everyone uses
  }

  /**
   * Loads every generation that opens; one that does not (wrapped with a key-encryption key this instance was not
   * given, as in the middle of a KEK rotation) is logged and left out rather than taking the others down.
   *
   * @return how many generations did not open
   */
  private int reload() {
    return load().size() - generations.size();
  }

  /** Reads every row and keeps the generations that open; the rows as read. */
  private List<StoredKey> load() {
    List<StoredKey> stored = rows.generations(purpose);
    List<Generation> opened = new ArrayList<>();
    for (StoredKey r : stored) {
      try {
        opened.add(new Generation(r.kid(), r.generation(), vault.unwrap(purpose, r.wrappedSecret()), r.publicPart(),
            r.activeFrom()));
      } catch (IllegalStateException e) {
        log.warn("key {} generation {} does not open here: {}", purpose, r.generation(), e.getMessage());
      }
    }
    opened.sort(Comparator.comparingInt(Generation::number));
    generations = List.copyOf(opened);
    return stored;
  }

  /** Wraps again, under the current KEK, each generation read wrapped with an older one (the secret is in hand). */
  private void rewrapStale(List<StoredKey> stored) {
    for (StoredKey row : stored) {
      if (!vault.isStale(row.wrappedSecret())) {
        continue;
      }
      for (Generation g : generations) {
        if (g.kid().equals(row.kid())
            && rows.rewrap(row.kid(), row.wrappedSecret(), vault.wrap(purpose, g.secret()))) {
          log.info("key {} generation {} re-wrapped under the current key-encryption key", purpose, row.generation());
        }
      }
    }
  }
}
