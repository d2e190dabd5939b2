package com.ticketplatform.order.intake;

import com.ticketplatform.order.intake.IntentLedger.State;
import com.ticketplatform.order.intake.IntentLedger.Status;
import com.ticketplatform.order.placement.OrderIntent;
import com.ticketplatform.order.seat.SeatClaims;
import com.ticketplatform.order.seat.SeatInventory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles intents still live long after they were accepted (docs/ARCHITECTURE.md §2 "Accepted orders"). A PENDING
 * one (lost between the lock and the broker by a crash, or behind a backlog far beyond anything the workers drain)
 * is REJECTED and its seats given back at once; the consumer skips it should it still arrive. A PROCESSING one (a
 * crash mid-placement, a saga in doubt) is left while it may still be running; past {@code in-doubt-after}, the
 * saga's log decides ({@link PlacementOutcomes}): still running, left to its recovery; finished forward, PLACED;
 * compensated or never started, REJECTED with its seats and claims given back.
 */
@Component
public class IntentSweeper {

  private static final Logger log = LoggerFactory.getLogger(IntentSweeper.class);
  private static final int AT_MOST = 200;

  private final IntentLedger ledger;
  private final PlacementOutcomes outcomes;
  private final SeatInventory inventory;
  private final SeatClaims claims;
  private final IntakeProperties props;
  private final Clock clock;

  public IntentSweeper(IntentLedger ledger, PlacementOutcomes outcomes, SeatInventory inventory, SeatClaims claims,
      IntakeProperties props, Clock clock) {
    this.ledger = ledger;
    this.outcomes = outcomes;
    this.inventory = inventory;
    this.claims = claims;
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
    if (state.status() == Status.PENDING) {
      if (outcomes.of(intent.orderNo()) == PlacementOutcomes.Outcome.PLACED) {
        return ledger.settle(intent, Status.PENDING.name(), Status.PLACED, null).isPresent();
      }
      if (ledger.settle(intent, Status.PENDING.name(), Status.REJECTED, Rejection.lost()).isEmpty()) {
        return false;
      }
      log.warn("accepted order {} given up after {}: never taken for placing", intent.orderNo(), props.lostAfter());
      inventory.releaseLocked(intent.showtimeId(), intent.orderNo(), intent.userId(), intent.seatIds());
      return true;
    }
    if (state.since().isAfter(clock.instant().minus(props.inDoubtAfter()))) {
      return false;
    }
    PlacementOutcomes.Outcome outcome = outcomes.of(intent.orderNo());
    switch (outcome) {
      case RUNNING -> {
        return false;
      }
      case PLACED -> {
        return ledger.settle(intent, Status.PROCESSING.name(), Status.PLACED, null).isPresent();
      }
      default -> {
        if (ledger.settle(intent, Status.PROCESSING.name(), Status.REJECTED, Rejection.lost()).isEmpty()) {
          return false;
        }
        log.warn("accepted order {} given up: its placement stopped ({})", intent.orderNo(), outcome);
        inventory.releaseLocked(intent.showtimeId(), intent.orderNo(), intent.userId(), intent.seatIds());
        claims.release(intent.showtimeId(), intent.orderNo(), intent.userId());
        return true;
      }
    }
  }
}
