package com.ticketplatform.starter.keys;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens the {@link KeyRing}s of a service over its {@code t_key} rows and its {@link KeyVault}: the bean a service
 * declares its rings with, one {@code KeyRing} bean per purpose (which {@link KeyRingMaintenance} then keeps fresh).
 */
public final class KeyRings {

  private final KeyRows rows;
  private final KeyVault vault;
  private final Clock clock;

  public KeyRings(KeyRows rows, KeyVault vault, Clock clock) {
    this.rows = rows;
    this.vault = vault;
    this.clock = clock;
  }

  /** The ring of {@code purpose}; a new one starts with a generation from {@code generator}. */
  public KeyRing open(String purpose, Supplier<KeyRing.Material> generator, KeyRing.Policy policy) {
    return open(purpose, generator, policy, Optional::empty);
  }

  /** The ring of {@code purpose}; a new one starts with the {@code legacy} key when there is one (generation 1). */
  public KeyRing open(String purpose, Supplier<KeyRing.Material> generator, KeyRing.Policy policy,
      Supplier<Optional<KeyRing.Legacy>> legacy) {
    return new KeyRing(purpose, rows, vault, clock, generator, policy, legacy);
  }
}
