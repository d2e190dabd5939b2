package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.order.seat.InventoryCheck;
import com.ticketplatform.order.seat.LockResult;
import com.ticketplatform.order.seat.SeatActivity;
import com.ticketplatform.order.seat.SeatInventory;
import com.ticketplatform.order.seat.SeatProperties;
import com.ticketplatform.order.support.OrderServiceITBase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inventory check looks at what changed, not at every live seat (docs/ARCHITECTURE.md §2 "The inventory check"):
 * a showtime whose seats this instance changed, on the next two passes; one with a hold only time can settle, until
 * it settles; every showtime when Redis lost writes since the last pass, and on the sweep.
 */
class InventoryCheckIT extends OrderServiceITBase {

  @Autowired
  InventoryCheck check;
  @Autowired
  SeatInventory inventory;
  @Autowired
  SnowflakeIdGenerator ids;
  @Autowired
  SeatProperties props;
  @Autowired
  SeatActivity activity;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  /**
   * A sweep, then passes enough for what changed before to be looked at for the last time (other tests' showtimes
   * with holds only time settles may still be looked at: the tests name their own showtimes).
   */
  private void quiet() {
    InventoryCheck.Pass sweep = check.sweep();
    assertThat(sweep.sweep()).isTrue();
    assertThat(sweep.failed()).isFalse();
    for (int pass = 0; pass < 3; pass++) {
      assertThat(pass().sweep()).isFalse();
    }
  }

  /** A pass that finished. */
  private InventoryCheck.Pass pass() {
    InventoryCheck.Pass pass = check.check();
    assertThat(pass.failed()).isFalse();
    return pass;
  }

  @Test
  void aPassLooksAtTheShowtimesWhoseSeatsChangedOnTheNextTwoPassesAndAtNoOther() {
    ShowtimeSaleInfo busy = onSaleWithInventory(10);
    ShowtimeSaleInfo idle = onSaleWithInventory(10);
    place(randomUser(), busy, 1L);
    place(randomUser(), idle, 1L);
    quiet();

    long user = randomUser();
    long orderNo = place(user, busy, 2L);
    // and Redis loses that hold later (a write it acknowledged, then lost)
    redis.opsForHash().put(SeatInventoryKeys.seats(busy.showtimeId()), "2", SeatInventoryKeys.AVAILABLE);

    InventoryCheck.Pass first = pass();
    assertThat(first.sweep()).isFalse();
    assertThat(first.showtimes()).contains(busy.showtimeId()).doesNotContain(idle.showtimeId());
    assertThat(first.corrected()).isPositive();
    assertThat(seat(busy.showtimeId(), 2)).isEqualTo(SeatInventoryKeys.locked(orderNo, user));
    // the correction is a change too: looked at on the two passes after it, then left alone
    assertThat(pass().showtimes()).contains(busy.showtimeId()).doesNotContain(idle.showtimeId());
    assertThat(pass().showtimes()).contains(busy.showtimeId()).doesNotContain(idle.showtimeId());
    assertThat(pass().showtimes()).doesNotContain(busy.showtimeId(), idle.showtimeId());
  }

  @Test
  void aRedisRestoredFromAnOlderSnapshotGetsEveryShowtimeChecked() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 3L);
    quiet();
    String olderToken = redis.opsForValue().get(check.tokenKey());
    assertThat(pass().sweep()).isFalse();

    // restored from the snapshot taken before the last pass: its token is the older one, and the hold is gone
    redis.opsForValue().set(check.tokenKey(), olderToken);
    redis.opsForHash().put(SeatInventoryKeys.seats(show.showtimeId()), "3", SeatInventoryKeys.AVAILABLE);

    InventoryCheck.Pass pass = pass();
    assertThat(pass.sweep()).isTrue();
    assertThat(seat(show.showtimeId(), 3)).isEqualTo(SeatInventoryKeys.locked(orderNo, user));
  }

  @Test
  void aFlushedRedisGetsEveryShowtimeRebuilt() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 4L);
    quiet();

    // FLUSHALL, as far as this showtime and the token go
    redis.delete(List.of(check.tokenKey(), SeatInventoryKeys.seats(show.showtimeId()),
        SeatInventoryKeys.holdings(show.showtimeId())));

    assertThat(pass().sweep()).isTrue();
    assertThat(seat(show.showtimeId(), 4)).isEqualTo(SeatInventoryKeys.locked(orderNo, user));
    assertThat(seat(show.showtimeId(), 5)).isEqualTo(SeatInventoryKeys.AVAILABLE);
  }

  @Test
  void aHoldOnlyTimeCanSettleIsLookedAtUntilItSettles() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    quiet();
    // a saga's lock whose order never reaches the database (its process died right after locking)
    long user = randomUser();
    long orphan = ids.nextIdFor(user);
    assertThat(inventory.lock(show.showtimeId(), orphan, user, List.of(6L), 6).outcome())
        .isEqualTo(LockResult.Outcome.LOCKED);

    for (int pass = 0; pass < 3; pass++) {
      assertThat(pass().showtimes()).as("pass %d within the grace", pass).contains(show.showtimeId());
    }
    assertThat(seat(show.showtimeId(), 6)).isEqualTo(SeatInventoryKeys.locked(orphan, user));

    clock.advance(props.orphanLockGrace().plus(Duration.ofSeconds(1)));
    assertThat(pass().showtimes()).contains(show.showtimeId());
    assertThat(seat(show.showtimeId(), 6)).isEqualTo(SeatInventoryKeys.AVAILABLE);
    // freeing it was a change: looked at on the two passes after it, then settled
    assertThat(pass().showtimes()).contains(show.showtimeId());
    assertThat(pass().showtimes()).contains(show.showtimeId());
    assertThat(pass().showtimes()).doesNotContain(show.showtimeId());
  }

  @Test
  void aCancelWhoseSeatsRedisNeverHeardOfIsFinishedOnTheNextPass() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 7L);
    quiet();
    cancelledInTheDatabaseOnly(orderNo);
    assertThat(seat(show.showtimeId(), 7)).isEqualTo(SeatInventoryKeys.locked(orderNo, user));

    InventoryCheck.Pass next = pass();
    assertThat(next.showtimes()).contains(show.showtimeId());
    assertThat(next.released()).isPositive();
    assertThat(seat(show.showtimeId(), 7)).isEqualTo(SeatInventoryKeys.AVAILABLE);
  }

  @Test
  void aChangeRedisFailedToAnswerIsStillLookedAt() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    quiet();
    LettuceConnectionFactory nowhere = new LettuceConnectionFactory("127.0.0.1", 1);
    nowhere.afterPropertiesSet();
    try {
      SeatInventory unreachable = new SeatInventory(new StringRedisTemplate(nowhere),
          new SimpleMeterRegistry(), activity::touched);
      long user = randomUser();
      assertThatThrownBy(() -> unreachable.lock(show.showtimeId(),
          ids.nextIdFor(user), user, List.of(1L), 6)).isInstanceOf(RuntimeException.class);
    } finally {
      nowhere.destroy();
    }
    assertThat(pass().showtimes()).contains(show.showtimeId());
  }

  @Test
  void theSweepComesRoundOnItsOwnTime() {
    quiet();
    assertThat(pass().sweep()).isFalse();
    clock.advance(Duration.ofMinutes(10));
    assertThat(pass().sweep()).isTrue();
    assertThat(pass().sweep()).isFalse();
  }
}
