package com.ticketplatform.order.intake;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.placement.OrderIntent;
import com.ticketplatform.order.placement.PlaceOrderService;
import com.ticketplatform.order.seat.InventoryRebuilder;
import com.ticketplatform.order.seat.LockResult;
import com.ticketplatform.order.seat.SeatInventory;
import com.ticketplatform.order.seat.SeatProperties;
import com.ticketplatform.order.seat.SeatRefusal;
import com.ticketplatform.starter.idempotency.IdempotencyKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/orders} with {@code Prefer: respond-async} (docs/ARCHITECTURE.md §2 "Accepted orders"): the seats
 * are decided in one Lua script, which also records the buyer's Idempotency-Key and the intent (PENDING); the intent
 * is on the broker (acknowledged by all in-sync replicas) before the buyer hears 202. Pricing, the database and the
 * saga run later, in {@link IntentConsumer}.
 */
@Service
public class OrderIntake {

  private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

  /** What the buyer is told: the intent (202), or the order a replayed key made (201). */
  public record Accepted(OrderIntent intent, Optional<Order> placed) {}

  private final PlaceOrderService placing;
  private final SeatInventory inventory;
  private final InventoryRebuilder rebuilder;
  private final IntentLedger ledger;
  private final KafkaTemplate<String, String> kafka;
  private final SnowflakeIdGenerator ids;
  private final SeatProperties seatProps;
  private final IntakeProperties props;
  private final ObjectMapper json;
  private final Clock clock;
  private final Counter accepted;
  private final Counter unsent;

  public OrderIntake(PlaceOrderService placing, SeatInventory inventory, InventoryRebuilder rebuilder,
      IntentLedger ledger, KafkaTemplate<String, String> kafka, SnowflakeIdGenerator ids,
      SeatProperties seatProps, IntakeProperties props, ObjectMapper json, Clock clock, MeterRegistry meters) {
    this.placing = placing;
    this.inventory = inventory;
    this.rebuilder = rebuilder;
    this.ledger = ledger;
    this.kafka = kafka;
    this.ids = ids;
    this.seatProps = seatProps;
    this.props = props;
    this.json = json;
    this.clock = clock;
    this.accepted = Counter.builder("ticket.order.intake")
        .description("orders accepted (202) for placing off the request, by outcome of the intake")
        .tag("outcome", "accepted").register(meters);
    this.unsent = Counter.builder("ticket.order.intake")
        .description("orders accepted (202) for placing off the request, by outcome of the intake")
        .tag("outcome", "unsent").register(meters);
  }

  public Accepted accept(long userId, String idempotencyKey, long showtimeId, List<Long> seatIds,
      List<Long> holderIds) {
    String requestHash = placing.check(idempotencyKey, showtimeId, seatIds, holderIds);
    // no early read of the seats (the direct path's refuseIfTaken): the lock script answers a replay of the key first
    // and refuses taken seats itself, in the one round trip every request makes anyway
    List<Long> seats = List.copyOf(new LinkedHashSet<>(seatIds));
    OrderIntent intent = new OrderIntent(ids.nextIdFor(userId), userId, showtimeId, seats, holderIds,
        idempotencyKey, requestHash, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    LockResult result = lock(intent);
    if (result.outcome() == LockResult.Outcome.NOT_INITIALISED) {
      // Redis lost the showtime (restart, flush): rebuild it from the order shards first, never guess "all free"
      rebuilder.rebuildIfMissing(showtimeId);
      result = lock(intent);
    }
    switch (result.outcome()) {
      case LOCKED -> {
        send(intent);
        accepted.increment();
        return new Accepted(intent, Optional.empty());
      }
      case KEY_USED -> {
        return replay(userId, requestHash, result.keyRecord());
      }
      case TAKEN -> {
        // the buyer's own earlier order under this key (its record in Redis gone, or made by a direct order)
        Optional<Order> earlier = placing.replayOf(userId, idempotencyKey, requestHash);
        if (earlier.isPresent()) {
          return new Accepted(null, earlier);
        }
        throw SeatRefusal.taken(result.seats());
      }
      case LIMIT_EXCEEDED -> throw SeatRefusal.overLimit(seatProps.seatLimit(), (int) result.held());
      case UNKNOWN_SEATS -> throw SeatRefusal.unknown(result.seats());
      default -> throw SeatRefusal.inventoryUnavailable();
    }
  }

  private LockResult lock(OrderIntent intent) {
    return inventory.lock(intent.showtimeId(), intent.orderNo(), intent.userId(), intent.seatIds(),
        seatProps.seatLimit(), ledger.intakeOf(intent));
  }

  /** The key's first request made {@code record}: the same request is answered with its order or intent. */
  private Accepted replay(long userId, String requestHash, String record) {
    int bar = record.indexOf('|');
    if (!record.substring(bar + 1).equals(requestHash)) {
      throw IdempotencyKeys.reused();
    }
    long orderNo = Long.parseLong(record.substring(0, bar));
    Optional<IntentLedger.State> state = ledger.find(orderNo);
    if (state.isPresent() && state.get().live()) {
      if (state.get().status() == IntentLedger.Status.PENDING) {
        // its first answer may never have come (a crash before the broker had it): 202 only once it is there, so
        // it goes again; the consumer takes an intent once, whatever the copies
        send(state.get().intent());
      }
      return new Accepted(state.get().intent(), Optional.empty());
    }
    // settled (or made by a direct order): the order it placed, never a rollback tombstone
    Optional<Order> placed = placing.placed(orderNo).filter(o -> o.userId() == userId);
    if (placed.isPresent()) {
      return new Accepted(null, placed);
    }
    throw IdempotencyKeys.inProgress();
  }

  /**
   * The intent is durable once the broker has it. A send that fails or is not acknowledged in time is given up: the
   * intent is REJECTED first (so a record that still arrives late is skipped by the consumer), then its seats are
   * given back, and the buyer hears 503 with nothing kept. If the consumer has taken the intent meanwhile, the broker
   * had it after all: the buyer hears 202.
   */
  private void send(OrderIntent intent) {
    Exception failure;
    try {
      kafka.send(Topics.ORDER_INTENTS, Long.toString(intent.showtimeId()), json.writeValueAsString(intent))
          .get(props.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      failure = e;
    }
    if (ledger.settle(intent, "PENDING,MISSING", IntentLedger.Status.REJECTED, Rejection.unavailable()).isEmpty()) {
      Optional<IntentLedger.State> now = ledger.find(intent.orderNo());
      if (now.isPresent() && (now.get().status() == IntentLedger.Status.PROCESSING
          || now.get().status() == IntentLedger.Status.PLACED)) {
        log.info("intent of order {} unacknowledged but taken by the consumer: accepted", intent.orderNo());
        return;
      }
      // rejected meanwhile by another hand (a concurrent retry, the sweep), which gave its seats back
      throw ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "ordering is unavailable right now; nothing was kept, try again shortly", Duration.ofSeconds(2));
    }
    unsent.increment();
    log.warn("intent of order {} not taken by the broker; given up: {}", intent.orderNo(), failure.toString());
    inventory.releaseLocked(intent.showtimeId(), intent.orderNo(), intent.userId(), intent.seatIds());
    throw ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
        "ordering is unavailable right now; nothing was kept, try again shortly", Duration.ofSeconds(2));
  }
}
