package com.ticketplatform.order.seat;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.seat.SeatInventoryKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The seat scripts against the real Redis, without Spring. Keys are unique per test (random showtime id). */
class SeatLuaScriptsIT {

  private static LettuceConnectionFactory factory;
  private static StringRedisTemplate redis;
  private SeatInventory inventory;
  private long showtime;

  @BeforeAll
  static void connect() {
    factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
    factory.afterPropertiesSet();
    redis = new StringRedisTemplate(factory);
  }

  @AfterAll
  static void disconnect() {
    factory.destroy();
  }

  @BeforeEach
  void initShowtime() {
    showtime = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
    Map<String, String> seats = new HashMap<>();
    for (long s = 1; s <= 10; s++) {
      seats.put(Long.toString(s), SeatInventoryKeys.AVAILABLE);
    }
    redis.opsForHash().putAll(SeatInventoryKeys.seats(showtime), seats);
    inventory = new SeatInventory(redis);
  }

  @AfterEach
  void cleanUp() {
    redis.delete(List.of(SeatInventoryKeys.seats(showtime), SeatInventoryKeys.holdings(showtime),
        SeatInventoryKeys.grid(showtime), SeatInventoryKeys.board(showtime)));
  }

  /**
   * A board as the program service builds it for seats 1..10 in reverse order (so a board index is never the seat
   * id): seat s at index 10 - s, with the given header.
   */
  private void board(String header) {
    for (long s = 1; s <= 10; s++) {
      redis.opsForHash().put(SeatInventoryKeys.grid(showtime), Long.toString(s), Long.toString(10 - s));
    }
    redis.opsForValue().set(SeatInventoryKeys.board(showtime), header + "A".repeat(10));
  }

  /** The board's codes in seat order 1..10, or null without a board. */
  private String codes() {
    String board = redis.opsForValue().get(SeatInventoryKeys.board(showtime));
    if (board == null) {
      return null;
    }
    assertThat(board).hasSize(SeatInventoryKeys.BOARD_HEADER + 10);
    StringBuilder bySeat = new StringBuilder();
    for (int s = 1; s <= 10; s++) {
      bySeat.append(board.charAt(SeatInventoryKeys.BOARD_HEADER + 10 - s));
    }
    return bySeat.toString();
  }

  private String seat(long id) {
    return (String) redis.opsForHash().get(SeatInventoryKeys.seats(showtime), Long.toString(id));
  }

  private String held(long user) {
    return (String) redis.opsForHash().get(SeatInventoryKeys.holdings(showtime), Long.toString(user));
  }

  @Test
  void locksAllRequestedSeatsAndCountsHoldings() {
    LockResult r = inventory.lock(showtime, 100, 7, List.of(1L, 2L, 3L), 6);
    assertThat(r.outcome()).isEqualTo(LockResult.Outcome.LOCKED);
    assertThat(seat(1)).isEqualTo("L:100:7");
    assertThat(seat(3)).isEqualTo("L:100:7");
    assertThat(seat(4)).isEqualTo("A");
    assertThat(held(7)).isEqualTo("3");
  }

  @Test
  void thePreCheckSeesOtherBuyersSeatsButNotTheCallersOwn() {
    inventory.lock(showtime, 100, 7, List.of(1L, 2L), 6);
    inventory.lock(showtime, 101, 17, List.of(3L), 6);
    inventory.sell(showtime, 101, 17, List.of(3L));

    assertThat(inventory.takenByOthers(showtime, 7, List.of(1L, 2L, 3L, 4L))).containsExactly(3L);
    assertThat(inventory.takenByOthers(showtime, 17, List.of(1L, 3L, 4L))).containsExactly(1L);
    assertThat(inventory.takenByOthers(showtime, 8, List.of(4L, 99L))).as("free and unknown seats").isEmpty();
    assertThat(inventory.takenByOthers(showtime + 1, 8, List.of(1L))).as("no hash: the saga decides").isEmpty();
  }

  @Test
  void repeatingTheSameLockIsANoOp() {
    inventory.lock(showtime, 100, 7, List.of(1L, 2L), 6);
    LockResult again = inventory.lock(showtime, 100, 7, List.of(1L, 2L), 6);
    assertThat(again.locked()).isTrue();
    assertThat(held(7)).isEqualTo("2");
  }

  @Test
  void locksNoneWhenAnySeatIsTakenAndNamesTheTakenOnes() {
    inventory.lock(showtime, 100, 7, List.of(2L, 3L), 6);
    LockResult r = inventory.lock(showtime, 200, 8, List.of(1L, 2L, 3L, 4L), 6);
    assertThat(r.outcome()).isEqualTo(LockResult.Outcome.TAKEN);
    assertThat(r.seats()).containsExactly(2L, 3L);
    assertThat(seat(1)).isEqualTo("A");
    assertThat(seat(4)).isEqualTo("A");
    assertThat(held(8)).isNull();
  }

  @Test
  void enforcesThePerShowtimeLimitAcrossOrders() {
    assertThat(inventory.lock(showtime, 100, 7, List.of(1L, 2L, 3L, 4L), 6).locked()).isTrue();
    LockResult r = inventory.lock(showtime, 101, 7, List.of(5L, 6L, 7L), 6);
    assertThat(r.outcome()).isEqualTo(LockResult.Outcome.LIMIT_EXCEEDED);
    assertThat(r.held()).isEqualTo(4);
    assertThat(seat(5)).isEqualTo("A");
    assertThat(inventory.lock(showtime, 101, 7, List.of(5L, 6L), 6).locked()).isTrue();
  }

  @Test
  void unknownSeatsAndMissingHashAreErrorsNotLocks() {
    LockResult unknown = inventory.lock(showtime, 100, 7, List.of(1L, 99L), 6);
    assertThat(unknown.outcome()).isEqualTo(LockResult.Outcome.UNKNOWN_SEATS);
    assertThat(unknown.seats()).containsExactly(99L);
    assertThat(seat(1)).isEqualTo("A");

    redis.delete(SeatInventoryKeys.seats(showtime));
    LockResult missing = inventory.lock(showtime, 100, 7, List.of(1L), 6);
    assertThat(missing.outcome()).isEqualTo(LockResult.Outcome.NOT_INITIALISED);
    assertThat(redis.hasKey(SeatInventoryKeys.seats(showtime))).isFalse();
  }

  @Test
  void releaseFreesOnlySeatsStillLockedByThisOrder() {
    inventory.lock(showtime, 100, 7, List.of(1L, 2L), 6);
    // seat 2 was taken over by another order (e.g. after a rebuild); releasing must not free it
    redis.opsForHash().put(SeatInventoryKeys.seats(showtime), "2", "L:300:9");
    assertThat(inventory.releaseLocked(showtime, 100, 7, List.of(1L, 2L))).isEqualTo(1);
    assertThat(seat(1)).isEqualTo("A");
    assertThat(seat(2)).isEqualTo("L:300:9");
    assertThat(inventory.releaseLocked(showtime, 100, 7, List.of(1L, 2L))).isZero();
    // compensating what never happened is harmless
    assertThat(inventory.releaseLocked(showtime, 555, 7, List.of(3L))).isZero();
  }

  @Test
  void sellTurnsLocksIntoSalesAllOrNone() {
    inventory.lock(showtime, 100, 7, List.of(1L, 2L), 6);
    assertThat(inventory.sell(showtime, 100, 7, List.of(1L, 2L)).sold()).isTrue();
    assertThat(seat(1)).isEqualTo("S:100:7");
    assertThat(inventory.sell(showtime, 100, 7, List.of(1L, 2L)).sold()).isTrue();
    assertThat(inventory.releaseLocked(showtime, 100, 7, List.of(1L, 2L))).isZero();
    assertThat(seat(1)).isEqualTo("S:100:7");

    inventory.lock(showtime, 200, 8, List.of(3L), 6);
    SeatInventory.SellResult lost = inventory.sell(showtime, 201, 8, List.of(3L, 4L));
    assertThat(lost.sold()).isFalse();
    assertThat(lost.lostSeats()).containsExactly(3L, 4L);
    assertThat(seat(4)).isEqualTo("A");

    assertThat(inventory.releaseSold(showtime, 100, 7, List.of(1L, 2L))).isEqualTo(2);
    assertThat(seat(1)).isEqualTo("A");
    assertThat(held(7)).isNull();
  }

  @Test
  void reconcileCreatesAMissingHashAndRecomputesHoldings() {
    redis.delete(List.of(SeatInventoryKeys.seats(showtime), SeatInventoryKeys.holdings(showtime)));
    List<SeatInventory.SeatChange> all = List.of(new SeatInventory.SeatChange(1, null, "S:100:7"),
        new SeatInventory.SeatChange(2, null, "L:101:7"), new SeatInventory.SeatChange(3, null, "A"));
    assertThat(inventory.reconcile(showtime, true, all)).isEqualTo(3);
    assertThat(seat(1)).isEqualTo("S:100:7");
    assertThat(held(7)).isEqualTo("2");
    assertThat(inventory.reconcile(showtime, true, all)).isEqualTo(-1);
    // a patch applies only where the field still holds what the caller read
    long changed = inventory.reconcile(showtime, false, List.of(new SeatInventory.SeatChange(2, "L:101:7", "A"),
        new SeatInventory.SeatChange(3, "L:999:1", "S:5:5")));
    assertThat(changed).isEqualTo(1);
    assertThat(seat(2)).isEqualTo("A");
    assertThat(seat(3)).isEqualTo("A");
    assertThat(held(7)).isEqualTo("1");
  }

  @Test
  void everyScriptThatChangesASeatKeepsTheBoardInStep() {
    String header = "0123456789abcdef";
    board(header);
    inventory.lock(showtime, 100, 7, List.of(1L, 2L, 3L), 6);
    assertThat(codes()).isEqualTo("LLLAAAAAAA");
    // refused locks change nothing, on the board either
    inventory.lock(showtime, 101, 8, List.of(3L, 4L), 6);
    assertThat(codes()).isEqualTo("LLLAAAAAAA");
    assertThat(inventory.sell(showtime, 100, 7, List.of(1L, 2L, 3L)).sold()).isTrue();
    assertThat(codes()).isEqualTo("SSSAAAAAAA");
    inventory.releaseSold(showtime, 100, 7, List.of(2L));
    assertThat(codes()).isEqualTo("SASAAAAAAA");
    inventory.lock(showtime, 102, 8, List.of(10L), 6);
    inventory.releaseLocked(showtime, 102, 8, List.of(10L));
    inventory.lock(showtime, 103, 8, List.of(9L), 6);
    assertThat(codes()).isEqualTo("SASAAAAALA");
    inventory.reconcile(showtime, false, List.of(new SeatInventory.SeatChange(9, "L:103:8", "A"),
        new SeatInventory.SeatChange(5, "A", "S:104:9"), new SeatInventory.SeatChange(6, "L:999:1", "S:5:5")));
    assertThat(codes()).isEqualTo("SASASAAAAA");
    // the header is the program service's: the scripts write statuses only
    assertThat(redis.opsForValue().get(SeatInventoryKeys.board(showtime))).startsWith(header);
    // what the board shows is what the seats hash holds
    StringBuilder fromHash = new StringBuilder();
    for (long s = 1; s <= 10; s++) {
      String status = SeatInventoryKeys.statusOf(seat(s));
      fromHash.append(status.charAt(0));
    }
    assertThat(codes()).isEqualTo(fromHash.toString());
  }

  @Test
  void aBoardThatCannotBeKeptInStepIsDeletedNotLeftWrong() {
    board("0123456789abcdef");
    // a seat the grid does not place (the board was built for another layout): no guess, the board goes
    redis.opsForHash().delete(SeatInventoryKeys.grid(showtime), "4");
    inventory.lock(showtime, 100, 7, List.of(4L), 6);
    assertThat(seat(4)).isEqualTo("L:100:7");
    assertThat(codes()).isNull();
    // and no script writes a board that is not there
    inventory.releaseLocked(showtime, 100, 7, List.of(4L));
    inventory.lock(showtime, 101, 7, List.of(5L), 6);
    assertThat(redis.hasKey(SeatInventoryKeys.board(showtime))).isFalse();

    // a seats hash created anew (it was lost) leaves no board of what was lost behind
    board("0123456789abcdef");
    redis.delete(List.of(SeatInventoryKeys.seats(showtime), SeatInventoryKeys.holdings(showtime)));
    assertThat(inventory.reconcile(showtime, true, List.of(new SeatInventory.SeatChange(1, null, "S:100:7"))))
        .isEqualTo(1);
    assertThat(codes()).isNull();

    // a patch of a seats hash that vanished since it was read makes a partial hash: no board of the lost one stays
    board("0123456789abcdef");
    redis.delete(List.of(SeatInventoryKeys.seats(showtime), SeatInventoryKeys.holdings(showtime)));
    inventory.reconcile(showtime, false, List.of(new SeatInventory.SeatChange(2, "", "L:105:7")));
    assertThat(seat(2)).isEqualTo("L:105:7");
    assertThat(codes()).isNull();
  }
}
