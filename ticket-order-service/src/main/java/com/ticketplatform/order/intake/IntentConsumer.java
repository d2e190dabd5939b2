package com.ticketplatform.order.intake;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.order.intake.IntentLedger.Status;
import com.ticketplatform.order.placement.OrderIntent;
import com.ticketplatform.order.placement.PlaceOrderService;
import com.ticketplatform.order.placement.SeatProblems;
import com.ticketplatform.order.saga.PlaceOrderCommand;
import com.ticketplatform.order.saga.SeataPlaceOrderSaga;
import com.ticketplatform.order.seat.SeatRefusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Places accepted orders (docs/ARCHITECTURE.md §2 "Accepted orders"): a batch of intents from the topic is spread over
 * the workers, each intent taken PENDING → PROCESSING by compare-and-set; their keys are claimed in the database
 * together (one statement; each alone if any was not new), each price read; the
 * batch's ready orders are then placed together by one saga (state machine {@code placeOrders}: shared statements, one
 * pay-flow call) and each settled PLACED or REJECTED (with the problem the buyer would have had). The batch's offsets are committed only
 * once every intent in it is settled or left PROCESSING for the saga's log to decide (a saga in doubt): a crash
 * re-delivers it, and a re-delivered intent is never placed twice (a settled one is skipped; one found PROCESSING is
 * settled PLACED if its saga finished forward, else left to the saga's own recovery and the sweep). An intent that
 * cannot even be claimed (Redis down) fails the batch, which is retried in place until it can.
 */
@Component
public class IntentConsumer implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(IntentConsumer.class);
  static final int SEATS_IN_QUERY = 200;

  private final PlaceOrderService placing;
  private final IntentLedger ledger;
  private final PlacementOutcomes outcomes;
  private final ObjectMapper json;
  private final Clock clock;
  private final ExecutorService workers;
  private final Counter placed;
  private final Counter rejected;
  private final Timer waited;
  private final DistributionSummary batchSizes;

  public IntentConsumer(PlaceOrderService placing, IntentLedger ledger, PlacementOutcomes outcomes, ObjectMapper json,
      Clock clock, IntakeProperties props, MeterRegistry meters) {
    this.placing = placing;
    this.ledger = ledger;
    this.outcomes = outcomes;
    this.json = json;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(props.workers(), r -> {
      Thread t = new Thread(r, "intake-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.placed = outcome(meters, "placed");
    this.rejected = outcome(meters, "rejected");
    this.waited = Timer.builder("ticket.order.intake.wait")
        .description("from an order's acceptance (202) to its outcome")
        .publishPercentileHistogram()
        .register(meters);
    this.batchSizes = DistributionSummary.builder("ticket.order.intake.batch.size")
        .description("accepted orders placed by one saga")
        .register(meters);
  }

  private static Counter outcome(MeterRegistry meters, String outcome) {
    return Counter.builder("ticket.order.intake.outcomes")
        .description("accepted orders given their outcome, by outcome")
        .tag("outcome", outcome).register(meters);
  }

  @KafkaListener(id = "order-intents", topics = Topics.ORDER_INTENTS, groupId = "${spring.application.name}.intake",
      autoStartup = "${ticket.order.intake.consume:true}",
      containerFactory = IntakeConfig.LISTENER_FACTORY, batch = "true",
      // a batch is placed within the poll interval (5 min) even at the slowest step's timeouts
      properties = "max.poll.records=${ticket.order.intake.batch-size:64}")
  public void onIntents(List<String> records) {
    List<OrderIntent> intents = new ArrayList<>(records.size());
    for (String record : records) {
      try {
        intents.add(json.readValue(record, OrderIntent.class));
      } catch (JacksonException e) {
        log.error("an unreadable intent was skipped: {}", record, e);
      }
    }
    Map<Long, ShowtimeSaleInfo> saleInfo = saleInfoOf(intents);
    Outcomes<OrderIntent> taken = onWorkers(intents, this::take);
    if (Thread.currentThread().isInterrupted()) {
      // stopping: what was taken stays PROCESSING, for the sweep (nothing of it claimed yet)
      throw taken.failed() != null ? taken.failed()
          : new IllegalStateException("interrupted while placing accepted orders");
    }
    // the keys of the taken ones in one statement (each claims its own if any was not new)
    boolean keysClaimed = placing.claimKeysTogether(taken.done());
    Outcomes<Ready> prepared = onWorkers(taken.done(),
        intent -> prepare(intent, saleInfo.get(intent.showtimeId()), keysClaimed));
    // the ready ones are placed even when another intent of the batch failed: they are PROCESSING, keys claimed
    placeTogether(prepared.done());
    if (taken.failed() != null && prepared.failed() != null) {
      log.warn("accepted orders: a prepare failed too: {}", prepared.failed().toString());
    }
    RuntimeException failed = taken.failed() != null ? taken.failed() : prepared.failed();
    if (failed != null) {
      throw failed;
    }
  }

  /** What the workers made of a batch: the non-null answers, in the batch's order, and a failure if any threw. */
  private record Outcomes<T>(List<T> done, RuntimeException failed) {}

  private <T> Outcomes<T> onWorkers(List<OrderIntent> intents, Function<OrderIntent, T> work) {
    List<Future<T>> running = new ArrayList<>(intents.size());
    for (OrderIntent intent : intents) {
      running.add(workers.submit(() -> work.apply(intent)));
    }
    List<T> done = new ArrayList<>(intents.size());
    RuntimeException failed = null;
    for (Future<T> f : running) {
      try {
        T answer = f.get();
        if (answer != null) {
          done.add(answer);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed = new IllegalStateException("interrupted while placing accepted orders", e);
      } catch (ExecutionException e) {
        failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
    return new Outcomes<>(done, failed);
  }

  /** An accepted order claimed and ready for its batch's saga. */
  record Ready(OrderIntent intent, PlaceOrderCommand command) {}

  /**
   * The sale info of each showtime in the batch, read once for all its intents' seats (an on-sale's batch is mostly
   * one showtime). A showtime whose read fails is left out: its intents read it themselves, and each gets the refusal.
   */
  private Map<Long, ShowtimeSaleInfo> saleInfoOf(List<OrderIntent> intents) {
    Map<Long, Set<Long>> seatsByShowtime = new HashMap<>();
    intents.forEach(i -> seatsByShowtime.computeIfAbsent(i.showtimeId(), s -> new HashSet<>()).addAll(i.seatIds()));
    Map<Long, ShowtimeSaleInfo> infos = new HashMap<>();
    seatsByShowtime.forEach((showtimeId, seats) -> {
      try {
        // the seats travel in the query: past a few hundred, the whole hall is the shorter request
        infos.put(showtimeId, placing.saleInfo(showtimeId, seats.size() > SEATS_IN_QUERY ? null : seats));
      } catch (RuntimeException e) {
        log.debug("sale info of showtime {} for a batch: {}", showtimeId, e.toString());
      }
    });
    return infos;
  }

  /**
   * One intent taken for placing (PENDING → PROCESSING by compare-and-set), or settled at once (placed or undone
   * before Redis lost its state) or left (re-delivered, or its saga still deciding): then null. Throws only when its
   * state cannot be read or written (Redis).
   */
  OrderIntent take(OrderIntent intent) {
    String found = ledger.settle(intent, "PENDING,MISSING", Status.PROCESSING, null).orElse(null);
    if (found == null) {
      resume(intent);
      return null;
    }
    if (found.isEmpty()) {
      // Redis lost the state: a placement may have run already, and its log says how it went
      switch (outcomes.of(intent.orderNo())) {
        case PLACED -> {
          settle(intent, Status.PLACED, null);
          return null;
        }
        case RUNNING -> {
          return null; // PROCESSING again: the saga's recovery finishes it, the sweep reads the outcome
        }
        case UNDONE -> {
          // its saga ran and was undone, or refused it; a crash may have kept its key and claims from being freed
          placing.giveUp(intent);
          settle(intent, Status.REJECTED, Rejection.unavailable());
          return null;
        }
        case NONE -> {
          // never placed: placed now
        }
      }
    }
    return intent;
  }

  /**
   * A taken intent made ready for the batch's saga (its key claimed, unless {@code keyClaimed} with its batch, and
   * its price read), or settled at once (refused, a replay): then null.
   */
  Ready prepare(OrderIntent intent, ShowtimeSaleInfo saleInfo, boolean keyClaimed) {
    try {
      PlaceOrderService.Prepared prepared = placing.prepareAccepted(intent, saleInfo, keyClaimed);
      if (prepared.order() != null) {
        settle(intent, Status.PLACED, null);
        return null;
      }
      return new Ready(intent, prepared.command());
    } catch (PlaceOrderService.AlreadyPlaced duplicate) {
      // pointed first: the rejection then leaves the record (it no longer names this order), and no retry slips in
      ledger.pointKey(intent, duplicate.orderNo());
      settle(intent, Status.REJECTED, Rejection.alreadyPlaced(duplicate.orderNo()));
    } catch (RuntimeException refused) {
      settle(intent, Status.REJECTED, rejectionOf(intent, refused));
    }
    return null;
  }

  /**
   * The ready orders of a batch placed by one saga, each then settled PLACED or REJECTED with its own refusal. An
   * order in doubt is left PROCESSING: its saga's recovery finishes it, and its log then decides (IntentSweeper).
   */
  private void placeTogether(List<Ready> ready) {
    if (ready.isEmpty()) {
      return;
    }
    Map<Long, RuntimeException> refused = placing.placeTogether(ready.stream().map(Ready::command).toList());
    batchSizes.record(ready.size());
    for (Ready r : ready) {
      RuntimeException refusal = refused.get(r.intent().orderNo());
      // outside the placement's failures: a Redis that fails to take this fails the batch, which comes again
      if (refusal instanceof SeataPlaceOrderSaga.InDoubt) {
        // its saga's recovery finishes it; its log then decides the outcome (IntentSweeper)
        log.warn("accepted order {}: saga in doubt, left for its recovery", r.intent().orderNo());
      } else if (refusal == null) {
        settle(r.intent(), Status.PLACED, null);
      } else {
        settle(r.intent(), Status.REJECTED, rejectionOf(r.intent(), refusal));
      }
    }
  }

  private static Rejection rejectionOf(OrderIntent intent, RuntimeException refused) {
    if (refused instanceof SeatRefusal refusal) {
      return Rejection.of(SeatProblems.of(refusal));
    }
    if (refused instanceof ApiException problem) {
      return Rejection.of(problem);
    }
    log.error("accepted order {} could not be placed", intent.orderNo(), refused);
    return Rejection.unavailable();
  }

  /**
   * Re-delivered: settled already (skip), or found PROCESSING (a crash mid-placement): settled PLACED if its saga
   * finished forward; otherwise left for the saga's recovery and the sweep, never placed a second time.
   */
  private void resume(OrderIntent intent) {
    ledger.find(intent.orderNo()).filter(s -> s.status() == Status.PROCESSING)
        .filter(s -> outcomes.of(intent.orderNo()) == PlacementOutcomes.Outcome.PLACED)
        .ifPresent(s -> settle(intent, Status.PLACED, null));
  }

  private void settle(OrderIntent intent, Status outcome, Rejection rejection) {
    if (ledger.settle(intent, "PROCESSING,MISSING", outcome, rejection).isPresent()) {
      (outcome == Status.PLACED ? placed : rejected).increment();
      waited.record(Duration.between(intent.acceptedAt(), clock.instant()));
    }
  }

  @Override
  public void destroy() {
    workers.shutdown();
  }
}
