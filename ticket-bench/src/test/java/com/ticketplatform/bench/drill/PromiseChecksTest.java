package com.ticketplatform.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.bench.invariant.Invariants.ClaimRow;
import com.ticketplatform.bench.invariant.Invariants.OrderRow;
import com.ticketplatform.bench.invariant.Invariants.PendingRow;
import com.ticketplatform.bench.invariant.Invariants.TicketRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromiseChecksTest {

  static final long SHOW = 9;

  /** Order 1 paid seat 1, order 2 holds seat 2 unpaid, order 3 was cancelled and refunded its charge (seat 3). */
  static final List<OrderRow> ORDERS = List.of(new OrderRow(1, 10, SHOW, "PAID"),
      new OrderRow(2, 11, SHOW, "PENDING_PAYMENT"), new OrderRow(3, 12, SHOW, "CANCELLED"));
  static final List<TicketRow> TICKETS = List.of(new TicketRow(1, SHOW, 1), new TicketRow(2, SHOW, 2),
      new TicketRow(3, SHOW, 3));

  static PromiseChecks.Charge charge(long order, String status, String amount, String refunded) {
    return new PromiseChecks.Charge(order, status, new BigDecimal(amount), new BigDecimal(refunded));
  }

  @Test
  void aChargeWithATicketOrAFullRefundIsKept() {
    var check = PromiseChecks.charged(ORDERS, List.of(charge(1, "PAID", "80.00", "0"),
        charge(3, "PAID", "80.00", "80.00"), charge(2, "CREATED", "80.00", "0")), Set.of());
    assertThat(check.pass()).as(check.detail()).isTrue();
    assertThat(check.detail()).isEqualTo("1 charges with tickets, 1 refunded");
  }

  @Test
  void moneyTakenForACancelledOrderWithoutARefundBreaksThePromise() {
    var check = PromiseChecks.charged(ORDERS, List.of(charge(3, "PAID", "80.00", "40.00")), Set.of());
    assertThat(check.pass()).isFalse();
    assertThat(check.detail()).contains("order 3 is CANCELLED, charged 80.00, refunded 40.00");
  }

  @Test
  void aPaidOrderWhoseChargeWasRefundedIsATicketGivenAway() {
    var check = PromiseChecks.charged(ORDERS, List.of(charge(1, "PAID", "80.00", "80.00")), Set.of());
    assertThat(check.pass()).isFalse();
    assertThat(check.detail()).contains("order 1 is PAID but its payment was refunded");
  }

  @Test
  void chargesOfOrdersOutsideTheDrillAreNotJudged() {
    assertThat(PromiseChecks.charged(ORDERS, List.of(charge(99, "PAID", "1.00", "0")), Set.of()).pass()).isTrue();
  }

  @Test
  void aChargeForAnOrderTheDrillPaidThatIsNotStoredIsMoneyKept() {
    var check = PromiseChecks.charged(ORDERS, List.of(charge(99, "PAID", "1.00", "0")), Set.of(99L));
    assertThat(check.pass()).isFalse();
    assertThat(check.detail()).contains("order 99 was charged 1.00 but is not stored");
  }

  @Test
  void claimsMatchingTheLiveOrdersSeatBySeatPass() {
    var check = PromiseChecks.claims(ORDERS, TICKETS, List.of(new ClaimRow(SHOW, 1, 1), new ClaimRow(SHOW, 2, 2)));
    assertThat(check.pass()).as(check.detail()).isTrue();
  }

  @Test
  void aLiveSeatWithoutItsClaimOrAClaimOfADeadOrderFails() {
    var missing = PromiseChecks.claims(ORDERS, TICKETS, List.of(new ClaimRow(SHOW, 1, 1)));
    assertThat(missing.pass()).isFalse();
    assertThat(missing.detail()).contains("order 2 (PENDING_PAYMENT) holds seat 2 without its claim");
    var stale = PromiseChecks.claims(ORDERS, TICKETS, List.of(new ClaimRow(SHOW, 1, 1), new ClaimRow(SHOW, 2, 2),
        new ClaimRow(SHOW, 3, 3)));
    assertThat(stale.pass()).isFalse();
    assertThat(stale.detail()).contains("claimed by order 3 which is CANCELLED");
  }

  @Test
  void anOrderPendingPastItsWindowAndTheSweepIsNotLegitimate() {
    Instant now = Instant.parse("2026-12-05T10:00:00Z");
    var fine = PromiseChecks.pending(List.of(new PendingRow(2, now.minusSeconds(30))), now, Duration.ofSeconds(90));
    assertThat(fine.pass()).isTrue();
    var overdue = PromiseChecks.pending(List.of(new PendingRow(2, now.minusSeconds(91))), now,
        Duration.ofSeconds(90));
    assertThat(overdue.pass()).isFalse();
  }

  @Test
  void theSoakFlagsGrowthBeyondItsBoundsOnly() {
    List<Soak.Sample> samples = new java.util.ArrayList<>();
    for (int m = 0; m < 8; m++) {
      // order service heap grows 10 MiB a minute; gateway flat; showtime keys grow (allowed), others flat
      samples.add(new Soak.Sample(m, Map.of("order", 100_000L + m * 10_240L, "gateway", 80_000L),
          Map.of("order", 60L, "gateway", 40L), 30, 1000 + m * 500, 50 + m, 10 + m));
    }
    List<Soak.Growth> growth = Soak.verdict(samples);
    assertThat(growth).filteredOn(g -> !g.pass()).extracting(Soak.Growth::what)
        .containsExactly("order heap after GC (KiB)");
    assertThat(growth).filteredOn(g -> g.what().startsWith("Redis")).singleElement()
        .satisfies(g -> assertThat(g.end()).isEqualTo(g.start()));
  }
}
