package com.ticketplatform.common.id;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * Snowflake-style 63-bit ids: {@code [41 bits ms since epoch][6 bits worker][8 bits sequence][8 bits shard gene]}.
 *
 * <p>The low 8 bits are the <em>shard gene</em>: the low 8 bits of the key the row is sharded by (for an order, its
 * buyer's user id). Any sharding rule that looks only at those bits ({@link #geneOf(long)}) therefore routes the id
 * and the sharding key to the same shard, so a lookup by order number hits one shard without a directory table.
 *
 * <p>The worker id comes from a {@link WorkerIdLease} in the services, so instances never share one; it is asked for
 * on every id, and an instance whose lease lapsed issues none.
 *
 * <p>Thread-safe; waits for the next millisecond when 256 ids were issued in one, and refuses to run backwards
 * when the clock steps back by more than a few milliseconds.
 */
public final class SnowflakeIdGenerator {

  /** 2026-01-01T00:00:00Z. */
  public static final long EPOCH_MILLIS = 1_767_225_600_000L;

  static final int GENE_BITS = 8;
  static final int SEQUENCE_BITS = 8;
  static final int WORKER_BITS = 6;
  static final long GENE_MASK = (1L << GENE_BITS) - 1;
  static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
  static final long MAX_WORKER = (1L << WORKER_BITS) - 1;
  private static final long TOLERATED_BACKSTEP_MS = 10;

  private final Clock clock;
  private final LongSupplier worker;
  private long lastMillis = -1;
  private long sequence;

  /** A generator with a fixed worker id: for tools and tests that run alone. */
  public SnowflakeIdGenerator(Clock clock, long worker) {
    this(clock, checked(worker));
  }

  /** A generator whose worker id is asked for on every id (a {@link WorkerIdLease}). */
  public SnowflakeIdGenerator(Clock clock, LongSupplier worker) {
    this.clock = clock;
    this.worker = worker;
  }

  private static LongSupplier checked(long worker) {
    if (worker < 0 || worker > MAX_WORKER) {
      throw new IllegalArgumentException("worker must be within 0.." + MAX_WORKER + ", was " + worker);
    }
    return () -> worker;
  }

  /** The gene of a sharding key or of an id made for it. */
  public static int geneOf(long keyOrId) {
    return (int) (keyOrId & GENE_MASK);
  }

  /** The millisecond instant an id was issued at. */
  public static long timestampOf(long id) {
    return (id >>> (GENE_BITS + SEQUENCE_BITS + WORKER_BITS)) + EPOCH_MILLIS;
  }

  /** A new id with its own random-free gene taken from the sequence (for rows that are their own sharding key). */
  public long nextId() {
    return next(-1);
  }

  /** A new id carrying the gene of {@code shardingKey}, so it routes to the same shard as that key. */
  public long nextIdFor(long shardingKey) {
    return next(geneOf(shardingKey));
  }

  private synchronized long next(int gene) {
    long worker = this.worker.getAsLong();
    if (worker < 0 || worker > MAX_WORKER) {
      throw new IllegalStateException("worker id out of range: " + worker);
    }
    long now = clock.millis();
    if (now < lastMillis) {
      if (lastMillis - now > TOLERATED_BACKSTEP_MS) {
        throw new IllegalStateException("clock moved backwards by " + (lastMillis - now) + " ms");
      }
      now = lastMillis;
    }
    if (now == lastMillis) {
      sequence = (sequence + 1) & SEQUENCE_MASK;
      if (sequence == 0) {
        now = waitForNextMillis(lastMillis);
      }
    } else {
      sequence = 0;
    }
    lastMillis = now;
    long effectiveGene = gene >= 0 ? gene : (sequence * 31 + worker) & GENE_MASK;
    return ((now - EPOCH_MILLIS) << (GENE_BITS + SEQUENCE_BITS + WORKER_BITS))
        | (worker << (GENE_BITS + SEQUENCE_BITS))
        | (sequence << GENE_BITS)
        | effectiveGene;
  }

  private long waitForNextMillis(long last) {
    long now = clock.millis();
    while (now <= last) {
      Thread.onSpinWait();
      now = clock.millis();
    }
    return now;
  }
}
