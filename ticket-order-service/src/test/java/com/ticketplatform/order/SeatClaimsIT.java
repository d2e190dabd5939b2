package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.order.order.OrderRepository;
import com.ticketplatform.order.order.OrderTicket;
import com.ticketplatform.order.saga.PlaceOrderCommand;
import com.ticketplatform.order.saga.PlaceOrderSteps;
import com.ticketplatform.order.seat.ClaimReaper;
import com.ticketplatform.order.seat.InventoryWatchdog;
import com.ticketplatform.order.seat.SeatClaim;
import com.ticketplatform.order.seat.SeatClaims;
import com.ticketplatform.order.support.OrderServiceITBase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The database is the final judge of a seat: whatever Redis says after losing or rewinding its data, a seat is never
 * held by two orders, an order is never stored without its seats, and a paying buyer whose locks Redis forgot still
 * gets the seats the database holds for them.
 */
class SeatClaimsIT extends OrderServiceITBase {

  @Autowired
  SeatClaims claims;
  @Autowired
  PlaceOrderSteps steps;
  @Autowired
  OrderRepository orders;
  @Autowired
  SnowflakeIdGenerator ids;
  @Autowired
  ClaimReaper reaper;
  @Autowired
  InventoryWatchdog watchdog;

  private List<Long> claimedBy(long showtimeId, long orderNo) {
    return claims.ofShowtime(showtimeId).stream().filter(c -> c.orderNo() == orderNo).map(SeatClaim::seatId)
        .sorted().toList();
  }

  @Test
  void aSeatARewoundRedisShowsAsFreeIsStillRefusedByTheDatabase() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long first = randomUser();
    long firstOrder = place(first, show, 3L);
    assertThat(claimedBy(show.showtimeId(), firstOrder)).containsExactly(3L);

    // Redis restored from an older snapshot: the hash is there, but seat 3 reads available again
    redis.opsForHash().put(SeatInventoryKeys.seats(show.showtimeId()), "3", SeatInventoryKeys.AVAILABLE);

    Response second = placeOrder(randomUser(), UUID.randomUUID().toString(), show.showtimeId(), 3L);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body().path("code").asText()).isEqualTo("SEATS_TAKEN");
    // the refusal also put the first order's hold back where Redis had lost it
    assertThat(seat(show.showtimeId(), 3)).isEqualTo(SeatInventoryKeys.locked(firstOrder, first));
    assertThat(claims.ofShowtime(show.showtimeId())).extracting(SeatClaim::orderNo).containsOnly(firstOrder);

    publishPayment(new PaymentEvents.PaymentSucceeded(firstOrder, "pay-" + firstOrder, new BigDecimal("50.00"),
        "CNY", Instant.now()), firstOrder);
    await("first order paid", () -> "PAID".equals(status(first, firstOrder)));
    assertThat(seat(show.showtimeId(), 3)).isEqualTo(SeatInventoryKeys.sold(firstOrder, first));
  }

  @Test
  void theInventoryCheckPutsBackHoldsAStaleRedisShowsAsAvailable() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 2L);
    // restored from an older snapshot: the hash is there, the hold is not
    redis.opsForHash().put(SeatInventoryKeys.seats(show.showtimeId()), "2", SeatInventoryKeys.AVAILABLE);

    assertThat(watchdog.checkAll()).isPositive();
    assertThat(seat(show.showtimeId(), 2)).isEqualTo(SeatInventoryKeys.locked(orderNo, user));
  }

  @Test
  void theInventoryCheckAlsoCorrectsASeatAStaleRedisShowsHeldByAnotherOrder() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 4L);
    // an older snapshot: the seat was held by an order that has long been cancelled and holds no claim
    redis.opsForHash().put(SeatInventoryKeys.seats(show.showtimeId()), "4", SeatInventoryKeys.locked(1L, 1L));

    assertThat(watchdog.checkAll()).isPositive();
    assertThat(seat(show.showtimeId(), 4)).isEqualTo(SeatInventoryKeys.locked(orderNo, user));
  }

  @Test
  void aHoldARewoundRedisBringsBackForAnOrderCancelledSinceIsFreedAndTheSeatSellsAgain() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 5L);
    String snapshotValue = seat(show.showtimeId(), 5);
    assertThat(call("POST", "/api/orders/" + orderNo + "/cancel", user, null, null).status()).isEqualTo(200);
    // Redis restored from a snapshot taken before the cancel: the seat reads held by the cancelled order again
    redis.opsForHash().put(SeatInventoryKeys.seats(show.showtimeId()), "5", snapshotValue);
    // and a lock of a saga still in flight (no claim, no order yet), which must be left alone
    long inFlight = ids.nextIdFor(user);
    redis.opsForHash().put(SeatInventoryKeys.seats(show.showtimeId()), "6", SeatInventoryKeys.locked(inFlight, user));

    assertThat(watchdog.checkAll()).isPositive();
    assertThat(seat(show.showtimeId(), 5)).isEqualTo(SeatInventoryKeys.AVAILABLE);
    assertThat(seat(show.showtimeId(), 6)).isEqualTo(SeatInventoryKeys.locked(inFlight, user));
    assertThat(place(randomUser(), show, 5L)).isPositive();
  }

  @Test
  void aSeatARewoundRedisShowsOnlyLockedByAnOrderPaidSinceIsSoldAgainSoItsRefundFreesIt() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 8L);
    publishPayment(new PaymentEvents.PaymentSucceeded(orderNo, "pay-" + orderNo, new BigDecimal("50.00"), "CNY",
        Instant.now()), orderNo);
    await("order paid", () -> "PAID".equals(status(user, orderNo)));
    // Redis restored from a snapshot taken before the payment
    redis.opsForHash().put(SeatInventoryKeys.seats(show.showtimeId()), "8", SeatInventoryKeys.locked(orderNo, user));

    assertThat(watchdog.checkAll()).isPositive();
    assertThat(seat(show.showtimeId(), 8)).isEqualTo(SeatInventoryKeys.sold(orderNo, user));
  }

  @Test
  void liveOrdersPlacedBeforeTheClaimsExistedAreClaimedAtStartUp() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 5L);
    claims.release(show.showtimeId(), orderNo, user);
    assertThat(claimedBy(show.showtimeId(), orderNo)).isEmpty();

    assertThat(watchdog.backfillClaims()).isPositive();
    assertThat(claimedBy(show.showtimeId(), orderNo)).containsExactly(5L);
    // and the database judges its seat from then on
    redis.opsForHash().put(SeatInventoryKeys.seats(show.showtimeId()), "5", SeatInventoryKeys.AVAILABLE);
    assertThat(placeOrder(randomUser(), UUID.randomUUID().toString(), show.showtimeId(), 5L).status()).isEqualTo(409);
  }

  @Test
  void aPaymentForAShowtimeWithNoInventoryLeftIsDecidedByItsClaimsNotRetriedForever() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 1L);
    // Redis lost the showtime, and it is no longer on sale: there is nothing to rebuild
    redis.delete(SeatInventoryKeys.seats(show.showtimeId()));
    programs.put(new ShowtimeSaleInfo(show.showtimeId(), show.programId(), show.cinemaId(), show.hallId(),
        show.programTitle(), "SALES_CLOSED", show.startsAt(), show.currency(), show.seats()));

    publishPayment(new PaymentEvents.PaymentSucceeded(orderNo, "pay-" + orderNo, new BigDecimal("50.00"), "CNY",
        Instant.now()), orderNo);
    await("paid on the strength of its claims", () -> "PAID".equals(status(user, orderNo)));
    assertThat(pay.refunds).doesNotContainKey(orderNo);
  }

  @Test
  void aPaymentWhoseLocksRedisForgotStillSellsTheSeatsTheDatabaseHolds() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long buyer = randomUser();
    long orderNo = place(buyer, show, 6L);
    redis.opsForHash().put(SeatInventoryKeys.seats(show.showtimeId()), "6", SeatInventoryKeys.AVAILABLE);

    publishPayment(new PaymentEvents.PaymentSucceeded(orderNo, "pay-" + orderNo, new BigDecimal("50.00"), "CNY",
        Instant.now()), orderNo);
    await("paid", () -> "PAID".equals(status(buyer, orderNo)));
    assertThat(seat(show.showtimeId(), 6)).isEqualTo(SeatInventoryKeys.sold(orderNo, buyer));
    assertThat(pay.refunds).doesNotContainKey(orderNo);
  }

  @Test
  void createOrderNeverStoresAnOrderWithoutItsSeats() {
    ShowtimeSaleInfo show = programs.onSale(10);
    long user = randomUser();
    long orderNo = ids.nextIdFor(user);
    Instant now = Instant.now();
    PlaceOrderCommand unclaimed = new PlaceOrderCommand(orderNo, user, show.programId(), show.showtimeId(),
        show.cinemaId(), show.programTitle(), show.currency(), show.startsAt(), now, now.plusSeconds(900),
        List.of(new OrderTicket(ids.nextIdFor(user), 8L, "A8", new BigDecimal("50.00"))), null);

    assertThatThrownBy(() -> steps.createOrder(unclaimed)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not hold its seats");
    assertThat(orders.find(orderNo)).isEmpty();
  }

  @Test
  void aCancelledOrderGivesItsClaimsBackAndTheSeatSellsAgain() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 7L);
    assertThat(call("POST", "/api/orders/" + orderNo + "/cancel", user, null, null).status()).isEqualTo(200);
    assertThat(claimedBy(show.showtimeId(), orderNo)).isEmpty();

    long next = place(randomUser(), show, 7L);
    assertThat(claimedBy(show.showtimeId(), next)).containsExactly(7L);
  }

  @Test
  void claimsLeftBehindByACrashAfterACancelAreFinishedByTheReaper() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 10L);
    cancelledInTheDatabaseOnly(orderNo);
    assertThat(status(user, orderNo)).isEqualTo("CANCELLED");
    assertThat(claimedBy(show.showtimeId(), orderNo)).containsExactly(10L);
    assertThat(seat(show.showtimeId(), 10)).isEqualTo(SeatInventoryKeys.locked(orderNo, user));

    assertThat(reaper.reap()).isPositive();
    assertThat(claimedBy(show.showtimeId(), orderNo)).isEmpty();
    assertThat(seat(show.showtimeId(), 10)).isEqualTo(SeatInventoryKeys.AVAILABLE);
    assertThat(place(randomUser(), show, 10L)).isPositive();
  }

  @Test
  void claimsOfShowsLongOverArePurgedAndTheOthersKept() {
    long user = randomUser();
    long pastShow = ids.nextId();
    long pastOrder = ids.nextIdFor(user);
    assertThat(claims.claim(pastShow, Instant.now().minus(Duration.ofDays(2)), pastOrder, user, List.of(1L, 2L)))
        .isEmpty();
    long comingShow = ids.nextId();
    long comingOrder = ids.nextIdFor(user);
    assertThat(claims.claim(comingShow, Instant.now().plus(Duration.ofDays(1)), comingOrder, user, List.of(1L)))
        .isEmpty();
    try {
      reaper.reap();
      assertThat(claims.ofShowtime(pastShow)).isEmpty();
      // a claim whose saga may still be running (its order not stored yet, its number minutes old at most) stays
      assertThat(claims.ofShowtime(comingShow)).extracting(SeatClaim::orderNo).containsExactly(comingOrder);
    } finally {
      claims.release(comingShow, comingOrder, user);
    }
  }

  @Test
  void aCompensatedPlacementLeavesNoClaimBehind() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    pay.down.set(true);
    try {
      assertThat(placeOrder(user, UUID.randomUUID().toString(), show.showtimeId(), 9L).status()).isEqualTo(503);
    } finally {
      pay.down.set(false);
    }
    assertThat(claims.ofShowtime(show.showtimeId())).isEmpty();
    assertThat(place(randomUser(), show, 9L)).isPositive();
  }
}
