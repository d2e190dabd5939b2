package com.ticketplatform.order.intake;

import com.ticketplatform.order.intake.IntentLedger.State;
import com.ticketplatform.order.intake.IntentLedger.Status;
import com.ticketplatform.order.placement.OrderIntent;
import com.ticketplatform.order.placement.PlaceOrderService;
import com.ticketplatform.order.seat.SeatInventory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles intents still live long after they were accepted (docs/ARCHITECTURE.md §2 "Accepted orders"): a PENDING
 * one (lost between the lock and the broker by a crash, or behind a backlog far beyond anything the workers drain),
 * and a PROCESSING one past {@code in-doubt-after} (a crash mid-placement, a saga in doubt). The saga's log decides
 * ({@link PlacementOutcomes}): still running, left to its recovery; finished forward, PLACED; compensated or never
 * started, REJECTED with its seats (and a PROCESSING one's claims and database key) given back. The consumer skips a
 * REJECTED intent should it still arrive.
 */
@Component
public class IntentSweeper {

  private static final Logger log = LoggerFactory.getLogger(IntentSweeper.class);
  private static final int PAGE = 200;
  private static final int PAGES = 50;

  private final IntentLedger ledger;
  private final PlacementOutcomes outcomes;
  private final SeatInventory inventory;
  private final PlaceOrderService placing;
  private final IntakeProperties props;
  private final Clock clock;

  public IntentSweeper(IntentLedger ledger, PlacementOutcomes outcomes, SeatInventory inventory,
      PlaceOrderService placing, IntakeProperties props, Clock clock) {
    this.ledger = ledger;
    this.outcomes = outcomes;
    this.inventory = inventory;
    this.placing = placing;
    this.props = props;
    this.clock = clock;
  }

  /**
   * Returns how many intents it settled. It reads the live ones page by page, so intents it must leave (sagas still
   * running) never hide the ones behind them.
   */
  @Scheduled(fixedDelayString = "${ticket.order.intake.sweep-interval:PT30S}",
      initialDelayString = "${ticket.order.intake.sweep-interval:PT30S}")
  public int sweep() {
    int settled = 0;
    Instant cutoff = clock.instant().minus(props.lostAfter());
    long left = 0;
    for (int page = 0; page < PAGES; page++) {
      List<Long> live = ledger.liveSince(cutoff, left, PAGE);
      for (long orderNo : live) {
        try {
          Optional<State> state = ledger.find(orderNo);
          if (state.isEmpty() || !state.get().live()) {
            ledger.forget(orderNo);
          } else if (settle(state.get())) {
            settled++;
          } else {
            left++;
          }
        } catch (RuntimeException e) {
          left++;
          log.warn("sweeping accepted order {} failed: {}", orderNo, e.toString());
        }
      }
      if (live.size() < PAGE) {
        break;
      }
    }
    return settled;
  }

  private boolean settle(State state) {
    OrderIntent intent = state.intent();
    boolean pending = state.status() == Status.PENDING;
    if (!pending && state.since().isAfter(clock.instant().minus(props.inDoubtAfter()))) {
      return false;
    }
    PlacementOutcomes.Outcome outcome = outcomes.of(intent.orderNo());
    switch (outcome) {
      case RUNNING -> {
        return false;
      }
      case PLACED -> {
        return ledger.settle(intent, state.status().name(), Status.PLACED, null).isPresent();
      }
      default -> {
        if (ledger.settle(intent, state.status().name(), Status.REJECTED, Rejection.lost()).isEmpty()) {
          return false;
        }
        log.warn("accepted order {} given up ({}, {}): never placed", intent.orderNo(), state.status(), outcome);
        if (pending) {
          inventory.releaseLocked(intent.showtimeId(), intent.orderNo(), intent.userId(), intent.seatIds());
        } else {
          // its placement may have claimed seats and the key in the database: freed too, as after any failed order
          placing.giveUp(intent);
        }
        return true;
      }
    }
  }
}
