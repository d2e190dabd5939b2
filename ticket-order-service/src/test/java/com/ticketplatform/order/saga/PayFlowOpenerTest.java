package com.ticketplatform.order.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.client.pay.OpenPayFlowRequest;
import com.ticketplatform.client.pay.OpenPayFlows;
import com.ticketplatform.client.pay.OpenedPayFlows;
import com.ticketplatform.order.support.FakePayClient;
import feign.FeignException;
import feign.Request;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pay flows of sagas running together go to the pay service together; each saga gets its own answer. */
class PayFlowOpenerTest {

  /** The pay service, holding its calls until a test lets them through. */
  static class HeldPayService extends FakePayClient {
    final CountDownLatch release = new CountDownLatch(1);
    /** Flows in calls being held right now. */
    final AtomicInteger held = new AtomicInteger();
    /** Answers every batch call with 404, as a pay service without the batch endpoint would. */
    final AtomicBoolean rejectBatches = new AtomicBoolean();
    /** Runs at the start of every batch call, on the thread that makes it. */
    volatile Runnable onCall = () -> { };

    @Override
    public OpenedPayFlows openAll(OpenPayFlows request) {
      onCall.run();
      if (rejectBatches.get()) {
        throw new FeignException.NotFound("no such endpoint", Request.create(Request.HttpMethod.POST,
            "/internal/pay-flows/batch", Map.of(), null, StandardCharsets.UTF_8, null), null, Map.of());
      }
      held.addAndGet(request.flows().size());
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return super.openAll(request);
    }
  }

  private final HeldPayService pay = new HeldPayService();
  private final ObservationRegistry observations = ObservationRegistry.create();
  private final PayFlowOpener opener = new PayFlowOpener(pay, new SimpleMeterRegistry(), observations);
  private final ExecutorService sagas = Executors.newFixedThreadPool(12);

  @AfterEach
  void stop() {
    pay.release.countDown();
    opener.stop();
    sagas.shutdownNow();
  }

  private static OpenPayFlowRequest flow(long orderNo) {
    return new OpenPayFlowRequest(orderNo, 7, new BigDecimal("10.00"), "CNY", Instant.now().plusSeconds(900));
  }

  @Test
  void flowsArrivingWhileTheSendersAreOutGoTogetherAndEachSagaGetsItsOwn() throws Exception {
    opener.start();
    List<Future<Long>> answers = new ArrayList<>();
    // two calls out (one per sender), held by the pay service
    for (long orderNo = 1; orderNo <= PayFlowOpener.SENDERS; orderNo++) {
      long n = orderNo;
      answers.add(sagas.submit(() -> opener.open(flow(n)).orderNo()));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (pay.held.get() < PayFlowOpener.SENDERS && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(pay.held.get()).isEqualTo(PayFlowOpener.SENDERS);
    // ten more while both are out: they wait in the queue
    for (long orderNo = 101; orderNo <= 110; orderNo++) {
      long n = orderNo;
      answers.add(sagas.submit(() -> opener.open(flow(n)).orderNo()));
    }
    // all ten in the queue or in a call before the pay service answers
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (pay.held.get() + opener.waiting() < 12 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    pay.release.countDown();

    List<Long> got = new ArrayList<>();
    for (Future<Long> answer : answers) {
      got.add(answer.get(10, TimeUnit.SECONDS));
    }
    assertThat(got).containsExactly(1L, 2L, 101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L, 109L, 110L);
    // 12 flows in far fewer than 12 calls: the first ones in one or two, a free sender may take the next alone, and
    // whatever queued behind the held calls goes in one
    assertThat(pay.batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
    assertThat(pay.batches).hasSizeLessThanOrEqualTo(PayFlowOpener.SENDERS + 2);
    assertThat(pay.flows).hasSize(12);
  }

  @Test
  void aRefusedFlowAndAFailedCallFailOnlyTheirOwnSagas() {
    pay.release.countDown();
    opener.start();
    pay.close(5L); // a tombstone: its compensation overtook the open
    assertThatThrownBy(() -> opener.open(flow(5L))).hasMessageContaining("PAY_FLOW_CLOSED");
    assertThat(opener.open(flow(6L)).status()).isEqualTo("OPEN");

    pay.down.set(true);
    assertThatThrownBy(() -> opener.open(flow(7L))).hasMessageContaining("pay service down");
    pay.down.set(false);
    assertThat(opener.open(flow(7L)).status()).isEqualTo("OPEN");
  }

  @Test
  void aBatchThePayServiceRefusesIsSentFlowByFlow() {
    pay.release.countDown();
    pay.rejectBatches.set(true); // an older pay service: no batch endpoint
    opener.start();
    assertThat(opener.open(flow(11L)).status()).isEqualTo("OPEN");
    assertThat(pay.flows).containsKey(11L);
    assertThat(pay.batches).isEmpty();
  }

  @Test
  void aBatchSagasFlowsGoInOneCallAndOnlyTheRefusedOnesAreNamed() {
    pay.release.countDown();
    pay.close(22L); // a tombstone: refused
    Map<Long, RuntimeException> failed = opener.openAll(List.of(flow(21L), flow(22L), flow(23L)));
    assertThat(pay.batches).containsExactly(3);
    assertThat(failed).containsOnlyKeys(22L);
    assertThat(failed.get(22L)).hasMessageContaining("PAY_FLOW_CLOSED");
    assertThat(pay.flows.get(21L).status()).isEqualTo("OPEN");
  }

  @Test
  void aBatchSagaSendingFlowByFlowStopsAtItsDeadlineInsteadOfWaitingOutEveryFlow() {
    HeldPayService slow = new HeldPayService() {
      @Override
      public com.ticketplatform.client.pay.PayFlowView open(OpenPayFlowRequest request) {
        try {
          Thread.sleep(150);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.open(request);
      }
    };
    slow.rejectBatches.set(true);
    PayFlowOpener bounded = new PayFlowOpener(slow, new SimpleMeterRegistry(), observations);
    bounded.batchAnswerWithin(java.time.Duration.ofMillis(400));
    List<OpenPayFlowRequest> flows = java.util.stream.LongStream.rangeClosed(31, 40).mapToObj(n -> flow(n)).toList();

    Map<Long, RuntimeException> failed = bounded.openAll(flows);

    assertThat(slow.flows.size()).as("flows sent before the deadline").isBetween(1, 5);
    assertThat(failed).hasSize(10 - slow.flows.size())
        .allSatisfy((orderNo, why) -> assertThat(why).hasMessageContaining("no answer"));
  }

  @Test
  void theCallToThePayServiceCarriesTheTraceOfTheSagaThatAsked() {
    pay.release.countDown();
    List<Observation> seenByPay = new ArrayList<>();
    pay.onCall = () -> seenByPay.add(observations.getCurrentObservation());
    opener.start();
    observations.observationConfig().observationHandler(context -> true);
    Observation saga = Observation.start("place-order", observations);
    try (Observation.Scope scope = saga.openScope()) {
      opener.open(flow(12L));
    } finally {
      saga.stop();
    }
    assertThat(seenByPay).containsExactly(saga);
  }

  @Test
  void aStoppedOpenerRefusesAtOnce() {
    assertThatThrownBy(() -> opener.open(flow(9L))).hasMessageContaining("stopping");
  }
}
