package com.ticketplatform.starter.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyRingMaintenanceTest {

  final InMemoryKeyRows rows = new InMemoryKeyRows();
  final KeyVault vault = LocalKeyVault.fromList(KeyRingTest.DEV_KEK);
  final TestClock clock = new TestClock(KeyRingTest.T0);
  final AtomicInteger made = new AtomicInteger();

  KeyRing open(String purpose, KeyRows on) {
    return new KeyRing(purpose, on, vault, clock, () -> new KeyRing.Material("k" + made.incrementAndGet(),
        new byte[32], null), KeyRingTest.MONTHLY, Optional::empty);
  }

  @Test
  void aRingWhoseCheckFailsDoesNotKeepTheOthersFromRotating() {
    FailingRows failing = new FailingRows();
    KeyRing broken = open("broken", failing);
    KeyRing healthy = open("healthy", rows);
    KeyRingMaintenance maintenance = new KeyRingMaintenance(() -> List.of(broken, healthy), Duration.ZERO);
    maintenance.start();
    clock.advance(Duration.ofDays(30));
    failing.down = true;

    maintenance.maintainAll();

    assertThat(healthy.generations()).hasSize(2);
    assertThat(broken.generations()).as("still usable from memory").hasSize(1);
    assertThat(maintenance.isRunning()).as("zero: no schedule").isFalse();
  }

  @Test
  void startedItChecksEveryRingOnItsOwnThreadUntilStopped() throws InterruptedException {
    KeyRing ring = open("scheduled", rows);
    KeyRingMaintenance maintenance = new KeyRingMaintenance(() -> List.of(ring), Duration.ofMillis(20));
    maintenance.start();
    try {
      assertThat(maintenance.isRunning()).isTrue();
      assertThat(maintenance.rings()).containsExactly(ring);
      clock.advance(Duration.ofDays(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (ring.generations().size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(ring.generations()).hasSize(2);
    } finally {
      maintenance.stop();
    }
    assertThat(maintenance.isRunning()).isFalse();
  }

  /** A database that goes away. */
  static final class FailingRows extends InMemoryKeyRows {
    volatile boolean down;

    @Override
    public synchronized List<StoredKey> generations(String purpose) {
      if (down) {
        throw new IllegalStateException("connection refused");
      }
      return super.generations(purpose);
    }
  }
}
