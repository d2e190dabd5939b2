package com.ticketplatform.program.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JitteredTtlTest {

  @Test
  void staysWithinBaseplusMinusJitterAndSpreads() {
    JitteredTtl ttl = new JitteredTtl(Duration.ofMinutes(10), 0.2, new SplittableRandom(42));
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      Duration next = ttl.next();
      assertThat(next).isBetween(Duration.ofMinutes(8), Duration.ofMinutes(12));
      seen.add(next);
    }
    // not one expiry instant for a whole burst of writes: the point of the jitter
    assertThat(seen.size()).isGreaterThan(1000);
    assertThat(seen.stream().anyMatch(d -> d.compareTo(Duration.ofMinutes(9)) < 0)).isTrue();
    assertThat(seen.stream().anyMatch(d -> d.compareTo(Duration.ofMinutes(11)) > 0)).isTrue();
    assertThat(ttl.min()).isEqualTo(Duration.ofMinutes(8));
    assertThat(ttl.max()).isEqualTo(Duration.ofMinutes(12));
  }

  @Test
  void zeroJitterIsTheBase() {
    assertThat(new JitteredTtl(Duration.ofSeconds(30), 0, new SplittableRandom()).next())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new JitteredTtl(Duration.ZERO, 0.1, new SplittableRandom()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JitteredTtl(Duration.ofSeconds(1), 1.0, new SplittableRandom()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
