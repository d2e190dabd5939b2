package com.ticketplatform.program.cache;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A time to live spread uniformly over {@code base ± base × jitter}, so entries cached in the same burst (a deploy, a
 * premiere going on sale) do not all expire in the same second and stampede the database together (avalanche).
 */
public final class JitteredTtl {

  private final Duration base;
  private final double jitter;
  private final RandomGenerator random;

  public JitteredTtl(Duration base, double jitter, RandomGenerator random) {
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("base ttl must be positive");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be within [0, 1)");
    }
    this.base = base;
    this.jitter = jitter;
    this.random = random;
  }

  public Duration next() {
    long baseMillis = base.toMillis();
    long spread = (long) (baseMillis * jitter);
    if (spread == 0) {
      return base;
    }
    return Duration.ofMillis(baseMillis - spread + random.nextLong(2 * spread + 1));
  }

  public Duration min() {
    return Duration.ofMillis(base.toMillis() - (long) (base.toMillis() * jitter));
  }

  public Duration max() {
    return Duration.ofMillis(base.toMillis() + (long) (base.toMillis() * jitter));
  }
}
