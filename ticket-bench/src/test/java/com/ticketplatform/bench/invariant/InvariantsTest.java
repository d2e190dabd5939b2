package com.ticketplatform.bench.invariant;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.bench.invariant.Invariants.Check;
import com.ticketplatform.bench.invariant.Invariants.FlowRow;
import com.ticketplatform.bench.invariant.Invariants.OrderRow;
import com.ticketplatform.bench.invariant.Invariants.Snapshot;
import com.ticketplatform.bench.invariant.Invariants.TicketRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvariantsTest {

  static final long SHOW = 77;

  /** Order 1 (user 10) paid seats 1+2, order 2 (user 11) holds seat 3 unpaid, order 3 was cancelled (seat 4). */
  static Snapshot consistent() {
    List<OrderRow> orders = new ArrayList<>(List.of(new OrderRow(1, 10, SHOW, "PAID"),
        new OrderRow(2, 11, SHOW, "PENDING_PAYMENT"), new OrderRow(3, 12, SHOW, "CANCELLED")));
    List<TicketRow> tickets = new ArrayList<>(List.of(new TicketRow(1, SHOW, 1), new TicketRow(1, SHOW, 2),
        new TicketRow(2, SHOW, 3), new TicketRow(3, SHOW, 4)));
    List<FlowRow> flows = new ArrayList<>(List.of(new FlowRow(1, "PAID"), new FlowRow(2, "OPEN"),
        new FlowRow(3, "CLOSED")));
    Map<Long, String> seats = new HashMap<>(Map.of(1L, "S:1:10", 2L, "S:1:10", 3L, "L:2:11", 4L, "A", 5L, "A"));
    return new Snapshot(orders, tickets, flows, new HashMap<>(Map.of(SHOW, seats)), Map.of(SHOW, 5),
        Set.of(1L, 2L, 3L));
  }

  static Check check(Invariants.Verdict v, String prefix) {
    return v.checks().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
  }

  @Test
  void aConsistentRunPasses() {
    Invariants.Verdict v = Invariants.check(consistent());
    assertThat(v.pass()).as(v.checks().toString()).isTrue();
    assertThat(v.ordersByStatus()).containsEntry("PAID", 1L).containsEntry("CANCELLED", 1L);
    assertThat(check(v, "seats sold").detail()).contains("sold in Redis 2, tickets in PAID orders 2");
  }

  @Test
  void aSeatInTwoLiveOrdersFails() {
    Snapshot s = consistent();
    s.orders().add(new OrderRow(4, 13, SHOW, "PENDING_PAYMENT"));
    s.tickets().add(new TicketRow(4, SHOW, 3));
    Invariants.Verdict v = Invariants.check(s);
    assertThat(v.pass()).isFalse();
    assertThat(check(v, "no seat in two orders").pass()).isFalse();
    assertThat(check(v, "no seat in two orders").detail()).contains("seat 3").contains("orders 2 and 4");
  }

  @Test
  void aCancelledOrderMayShareASeatWithALiveOne() {
    Snapshot s = consistent();
    s.orders().add(new OrderRow(5, 14, SHOW, "CANCELLED"));
    s.tickets().add(new TicketRow(5, SHOW, 3));
    assertThat(check(Invariants.check(s), "no seat in two orders").pass()).isTrue();
  }

  @Test
  void moreSeatsHeldThanTheHallHasIsOversell() {
    Snapshot s = new Snapshot(consistent().orders(), consistent().tickets(), consistent().flows(),
        consistent().seatValues(), Map.of(SHOW, 2), Set.of(1L, 2L, 3L));
    Invariants.Verdict v = Invariants.check(s);
    assertThat(check(v, "no oversell").pass()).isFalse();
    assertThat(check(v, "no oversell").detail()).contains("3 seats held of 2");
  }

  @Test
  void soldInRedisButNotPaidInTheDatabaseFails() {
    Snapshot s = consistent();
    s.seatValues().get(SHOW).put(3L, "S:2:11");
    Invariants.Verdict v = Invariants.check(s);
    assertThat(check(v, "seats sold").pass()).isFalse();
    assertThat(check(v, "seats sold").detail()).contains("sold in Redis 3, tickets in PAID orders 2");
  }

  @Test
  void aLockWithoutALiveOrderFails() {
    Snapshot s = consistent();
    s.seatValues().get(SHOW).put(5L, "L:99:15");
    Invariants.Verdict v = Invariants.check(s);
    assertThat(check(v, "seats sold").pass()).isFalse();
    assertThat(check(v, "seats sold").detail()).contains("locks seat 5").contains("L:99:15");
  }

  @Test
  void aPaidFlowWhoseOrderIsNotPaidFails() {
    Snapshot s = consistent();
    s.flows().set(1, new FlowRow(2, "PAID"));
    Invariants.Verdict v = Invariants.check(s);
    assertThat(check(v, "every paid flow").pass()).isFalse();
    assertThat(check(v, "every paid flow").detail()).contains("order 2 is PAID, order is PENDING_PAYMENT");
  }

  @Test
  void anAcknowledgedOrderMissingFromTheDatabaseIsLost() {
    Snapshot base = consistent();
    Snapshot s = new Snapshot(base.orders(), base.tickets(), base.flows(), base.seatValues(), base.capacity(),
        Set.of(1L, 2L, 3L, 42L));
    Invariants.Verdict v = Invariants.check(s);
    assertThat(check(v, "no lost orders").pass()).isFalse();
    assertThat(check(v, "no lost orders").detail()).contains("lost: [42]");
  }

  @Test
  void anUnknownOrderStateFails() {
    Snapshot s = consistent();
    s.orders().set(0, new OrderRow(1, 10, SHOW, "HALF_PAID"));
    assertThat(check(Invariants.check(s), "every order in a terminal").pass()).isFalse();
  }
}
