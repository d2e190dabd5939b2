package com.ticketplatform.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.order.config.OrderProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PlacementAdmissionTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private PlacementAdmission admission(int atOnce, Duration wait) {
    return new PlacementAdmission(new OrderProperties(null, 0, null, null, null, atOnce, wait), meters);
  }

  @Test
  void beyondTheTurnsARequestWaitsThenIsRefusedWithRetryAfterAndNothingRuns() throws Exception {
    PlacementAdmission admission = admission(1, Duration.ofMillis(200));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
      inside.countDown();
      await(leave);
      return "first";
    }));
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
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

    leave.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(admission.admit(() -> "next")).isEqualTo("next");
    assertThat(meters.get("ticket.order.admission.in.flight").gauge().value()).isZero();
  }

  @Test
  void aWaitingRequestTakesTheTurnThatFreesUpWithinTheWait() throws Exception {
    PlacementAdmission admission = admission(1, Duration.ofSeconds(5));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
      inside.countDown();
      await(leave);
      return "first";
    }));
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> admission.admit(() -> "second"));
    Thread.sleep(100);
    assertThat(second).isNotDone();
    leave.countDown();
    assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
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
