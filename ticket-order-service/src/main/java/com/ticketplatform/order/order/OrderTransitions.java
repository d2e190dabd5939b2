package com.ticketplatform.order.order;

import com.ticketplatform.common.event.Topics;
import com.ticketplatform.order.seat.SeatActivity;
import com.ticketplatform.starter.outbox.Outbox;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one aggregate transition and its event in ONE local transaction of the order's shard database:
 * the conditional UPDATE (status + version as read), the outbox row and, for consumed events, the processed-event
 * row. A lost race (0 rows) is not an error: the order is reloaded and the decision is made again on fresh state.
 * The order's showtime is marked for the inventory check before the change is written (docs/ARCHITECTURE.md §2 "The
 * inventory check"): a change committed whose seats Redis never heard of (the caller failed after the commit) is
 * looked at on the next pass, not only on the sweep.
 */
@Component
public class OrderTransitions {

  private static final int MAX_ATTEMPTS = 5;

  private final OrderRepository repository;
  private final Outbox outbox;
  private final ProcessedEventMapper processed;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final OrderMetrics metrics;
  private final SeatActivity activity;

  public OrderTransitions(OrderRepository repository, Outbox outbox, ProcessedEventMapper processed,
      TransactionTemplate tx, Clock clock, OrderMetrics metrics, SeatActivity activity) {
    this.metrics = metrics;
    this.activity = activity;
    this.repository = repository;
    this.outbox = outbox;
    this.processed = processed;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * What to do with the freshly loaded order: change it (and name the event to publish) or leave it.
   * {@code event} may be null when the change publishes nothing.
   */
  public record Decision(boolean change, Object event) {
    public static Decision none() {
      return new Decision(false, null);
    }

    public static Decision apply(Object event) {
      return new Decision(true, event);
    }
  }

  /** The outcome: the order as it now stands, and whether THIS call changed it. */
  public record Result(Order order, boolean changed) {}

  public Optional<Result> apply(long orderNo, Function<Order, Decision> decide) {
    return apply(orderNo, null, null, decide);
  }

  /**
   * @param eventId when set, the change is recorded as the effect of that consumed event; a second delivery of the
   *     same event then changes nothing
   */
  public Optional<Result> apply(long orderNo, String eventId, String eventType, Function<Order, Decision> decide) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Order> loaded = repository.find(orderNo);
      if (loaded.isEmpty()) {
        return Optional.empty();
      }
      Order order = loaded.get();
      OrderStatus before = order.status();
      int version = order.version();
      Decision decision = decide.apply(order);
      if (!decision.change()) {
        return Optional.of(new Result(order, false));
      }
      activity.touched(order.showtimeId());
      try {
        Boolean saved = tx.execute(status -> {
          if (!repository.saveTransition(order, before, version)) {
            status.setRollbackOnly();
            return false;
          }
          if (eventId != null) {
            processed.insert(eventId, orderNo, eventType, clock.instant());
          }
          if (decision.event() != null) {
            outbox.append(Topics.ORDER_EVENTS, orderNo, decision.event());
          }
          return true;
        });
        if (Boolean.TRUE.equals(saved)) {
          metrics.entered(order);
          return Optional.of(new Result(repository.find(orderNo).orElse(order), true));
        }
      } catch (DuplicateKeyException alreadyProcessed) {
        return repository.find(orderNo).map(o -> new Result(o, false));
      }
    }
    throw new IllegalStateException("order " + orderNo + " kept changing under " + MAX_ATTEMPTS + " attempts");
  }
}
