package com.ticketplatform.starter.keys;

/**
 * Envelope encryption in the manner of a cloud KMS (docs/ARCHITECTURE.md §9): a service keeps its data keys (token
 * signing keys, field-encryption keys) in its own database only wrapped, and asks the vault to wrap and unwrap them
 * with a key-encryption key (KEK) that never sits beside the data. {@link LocalKeyVault} holds the KEKs in the process,
 * from a keystore file or the environment; a KMS-backed implementation would make the same two calls remotely.
 */
public interface KeyVault {

  /**
   * Encrypts {@code dataKey} under the current KEK, bound to {@code purpose} (a key wrapped for one use cannot be
   * unwrapped for another). The result is text naming the KEK it was wrapped with.
   */
  String wrap(String purpose, byte[] dataKey);

  /** The data key of a {@link #wrap} result; fails when its KEK is unknown or the text was altered. */
  byte[] unwrap(String purpose, String wrapped);

  /** Whether {@code wrapped} was made with a KEK other than the current one (and should be wrapped again). */
  boolean isStale(String wrapped);
}
