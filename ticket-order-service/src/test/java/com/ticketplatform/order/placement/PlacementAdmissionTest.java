package com.ticketplatform.order.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.order.order.OrderErrors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PlacementAdmissionTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  /** Own threads: a blocked placement must never stand in a shared pool's queue in front of the one under test. */
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /** A placement that holds its turn until {@link #leave()}. */
  private record HeldTurn(CompletableFuture<String> placement, CountDownLatch leaving) {
    void leave() {
      leaving.countDown();
    }
  }

  private HeldTurn holdATurn(PlacementAdmission admission) throws InterruptedException {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leaving = new CountDownLatch(1);
    CompletableFuture<String> placement = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
      inside.countDown();
      await(leaving);
      return "first";
    }), threads);
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    return new HeldTurn(placement, leaving);
  }

  private PlacementAdmission admission(int atOnce, Duration wait) {
    return new PlacementAdmission(new PlacementProperties(null, atOnce, wait), meters);
  }

  @Test
  void beyondTheTurnsARequestWaitsThenIsRefusedWithRetryAfterAndNothingRuns() throws Exception {
    PlacementAdmission admission = admission(1, Duration.ofMillis(200));
    HeldTurn first = holdATurn(admission);
    assertThat(meters.get("ticket.order.admission.in.flight").gauge().value()).isEqualTo(1.0);

    boolean[] ran = {false};
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> admission.admit(() -> ran[0] = true))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
          assertThat(e.code()).isEqualTo(OrderErrors.ORDERING_BUSY);
          assertThat(e.retryAfterSeconds()).isEqualTo(1);
        });
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    assertThat(ran[0]).isFalse();
    assertThat(meters.get("ticket.order.admission.refused").counter().count()).isEqualTo(1.0);

    first.leave();
    assertThat(first.placement().get(5, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(admission.admit(() -> "next")).isEqualTo("next");
    assertThat(meters.get("ticket.order.admission.in.flight").gauge().value()).isZero();
  }

  @Test
  void aWaitingRequestTakesTheTurnThatFreesUpWithinTheWait() throws Exception {
    PlacementAdmission admission = admission(1, Duration.ofSeconds(5));
    HeldTurn first = holdATurn(admission);
    CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> admission.admit(() -> "second"), threads);
    Thread.sleep(100);
    assertThat(second).isNotDone();
    first.leave();
    assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
    assertThat(first.placement().get(5, TimeUnit.SECONDS)).isEqualTo("first");
  }

  @Test
  void aFailedPlacementGivesItsTurnBack() {
    PlacementAdmission admission = admission(1, Duration.ofMillis(50));
    assertThatThrownBy(() -> admission.admit(() -> {
      throw new IllegalStateException("saga failed");
    })).hasMessage("saga failed");
    assertThat(admission.admit(() -> "after")).isEqualTo("after");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
