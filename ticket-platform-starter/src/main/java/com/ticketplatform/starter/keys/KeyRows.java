package com.ticketplatform.starter.keys;

import java.util.List;

/**
 * Where a {@link KeyRing} keeps its generations: the service's {@code t_key} table ({@link JdbcKeyRows}). Every
 * instance of a service reads and writes the same rows, so both writes are conditional and tell who won.
 */
public interface KeyRows {

  /** Every stored generation of {@code purpose}, oldest first. */
  List<StoredKey> generations(String purpose);

  /**
   * Adds a generation.
   *
   * @return false when that generation of the purpose (or that kid) is already there: another instance added it first
   */
  boolean insert(StoredKey key);

  /**
   * Replaces one generation's wrapped secret by {@code fresh} (the same secret under the current key-encryption key).
   *
   * @return false when it no longer reads {@code stale}: another instance re-wrapped it first
   */
  boolean rewrap(String kid, String stale, String fresh);
}
