package com.ticketplatform.order.intake;

import com.ticketplatform.order.intake.IntentLedger.State;
import com.ticketplatform.order.intake.IntentLedger.Status;
import com.ticketplatform.order.order.OrderRepository;
import com.ticketplatform.order.placement.OrderIntent;
import com.ticketplatform.order.seat.SeatInventory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives up intents still live long after they were accepted (docs/ARCHITECTURE.md §2 "Accepted orders"): one whose
 * send was answered 503 but is still marked (a crash between), one lost between the lock and the broker, one stuck
 * PROCESSING by a crash mid-placement. A placed one is settled PLACED; a PENDING one REJECTED and its seats given back
 * at once (the consumer skips it should it still arrive); a PROCESSING one REJECTED, its seats left to the saga's
 * recovery and the inventory check, which free them once no live intent holds them.
 */
@Component
public class IntentSweeper {

  private static final Logger log = LoggerFactory.getLogger(IntentSweeper.class);
  private static final int AT_MOST = 200;

  private final IntentLedger ledger;
  private final OrderRepository orders;
  private final SeatInventory inventory;
  private final IntakeProperties props;
  private final Clock clock;

  public IntentSweeper(IntentLedger ledger, OrderRepository orders, SeatInventory inventory, IntakeProperties props,
      Clock clock) {
    this.ledger = ledger;
    this.orders = orders;
    this.inventory = inventory;
    this.props = props;
    this.clock = clock;
  }

  /** Returns how many intents it settled. */
  @Scheduled(fixedDelayString = "${ticket.order.intake.sweep-interval:PT30S}",
      initialDelayString = "${ticket.order.intake.sweep-interval:PT30S}")
  public int sweep() {
    int settled = 0;
    Instant cutoff = clock.instant().minus(props.lostAfter());
    for (long orderNo : ledger.liveSince(cutoff, AT_MOST)) {
      try {
        Optional<State> state = ledger.find(orderNo);
        if (state.isEmpty() || !state.get().live()) {
          ledger.forget(orderNo);
          continue;
        }
        if (settle(state.get())) {
          settled++;
        }
      } catch (RuntimeException e) {
        log.warn("sweeping accepted order {} failed: {}", orderNo, e.toString());
      }
    }
    return settled;
  }

  private boolean settle(State state) {
    OrderIntent intent = state.intent();
    if (orders.find(intent.orderNo()).isPresent()) {
      return ledger.settle(intent, "PENDING,PROCESSING", Status.PLACED, null).isPresent();
    }
    if (ledger.settle(intent, state.status().name(), Status.REJECTED, Rejection.lost()).isEmpty()) {
      return false;
    }
    log.warn("accepted order {} ({}) given up after {}: never placed", intent.orderNo(), state.status(),
        props.lostAfter());
    if (state.status() == Status.PENDING) {
      inventory.releaseLocked(intent.showtimeId(), intent.orderNo(), intent.userId(), intent.seatIds());
    }
    return true;
  }
}
