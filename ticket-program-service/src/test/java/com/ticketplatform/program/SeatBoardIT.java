package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.program.inventory.SeatInventory;
import com.ticketplatform.program.support.IntegrationTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The seat map reads a showtime's live statuses from its seat board (docs/ARCHITECTURE.md §4 "The seat board"), which
 * this service builds from the seats hash and the order service's scripts keep in step. Whatever state the board is
 * found in, the map shows what the seats hash holds.
 */
class SeatBoardIT extends IntegrationTestBase {

  @Autowired StringRedisTemplate redis;
  @Autowired SeatInventory inventory;

  private long onSaleShowtime(String title) {
    long hallId = createHall(createCinema("Nanjing"));
    long programId = createProgram(unique(title), "DRAMA");
    long showtimeId = createShowtime(programId, hallId, inDays(11));
    putOnSale(showtimeId);
    return showtimeId;
  }

  /** Seat id → status as the seat map shows it. */
  private Map<Long, String> seatMap(long showtimeId) {
    ResponseEntity<JsonNode> map = get("/api/showtimes/" + showtimeId + "/seats");
    assertThat(map.getStatusCode().value()).as(String.valueOf(map.getBody())).isEqualTo(200);
    Map<Long, String> statuses = new HashMap<>();
    map.getBody().get("rows").forEach(row -> row.get("seats")
        .forEach(s -> statuses.put(s.get("seatId").asLong(), s.get("status").asText())));
    return statuses;
  }

  /** Seat id → status as the seats hash holds it. */
  private Map<Long, String> hash(long showtimeId) {
    Map<Long, String> statuses = new HashMap<>();
    redis.<String, String>opsForHash().entries(SeatInventoryKeys.seats(showtimeId))
        .forEach((seat, value) -> statuses.put(Long.valueOf(seat), SeatInventoryKeys.statusOf(value)));
    return statuses;
  }

  private String board(long showtimeId) {
    return redis.opsForValue().get(SeatInventoryKeys.board(showtimeId));
  }

  @Test
  void theFirstReadBuildsTheBoardAndTheSeatMapFollowsTheScriptsChanges() {
    long showtimeId = onSaleShowtime("Board Built");
    assertThat(board(showtimeId)).isNull();

    Map<Long, String> first = seatMap(showtimeId);
    assertThat(first).hasSize(15).containsOnlyKeys(hash(showtimeId).keySet());
    assertThat(first.values()).containsOnly("AVAILABLE");
    // one byte per seat after the header, and a grid that places every seat once
    assertThat(board(showtimeId)).hasSize(SeatInventoryKeys.BOARD_HEADER + 15)
        .endsWith("A".repeat(15));
    List<Object> indexes = new ArrayList<>(redis.opsForHash().values(SeatInventoryKeys.grid(showtimeId)));
    assertThat(indexes).hasSize(15).doesNotHaveDuplicates();

    List<Long> seats = new ArrayList<>(first.keySet());
    orderServiceSets(redis, showtimeId, seats.get(0), SeatInventoryKeys.locked(11L, 1L));
    orderServiceSets(redis, showtimeId, seats.get(1), SeatInventoryKeys.sold(12L, 2L));
    Map<Long, String> after = seatMap(showtimeId);
    assertThat(after.get(seats.get(0))).isEqualTo("LOCKED");
    assertThat(after.get(seats.get(1))).isEqualTo("SOLD");
    assertThat(after).isEqualTo(hash(showtimeId));
    // the availability grid reads the same board
    String grid = String.join("", availabilityGrid(showtimeId));
    assertThat(grid.chars().filter(c -> c == 'L')).hasSize(1);
    assertThat(grid.chars().filter(c -> c == 'S')).hasSize(1);
    assertThat(grid.chars().filter(c -> c == 'A')).hasSize(13);
  }

  @Test
  void aMissingBoardOrOneBuiltForAnotherLayoutIsBuiltAnewFromTheSeatsHash() {
    long showtimeId = onSaleShowtime("Board Rebuilt");
    List<Long> seats = new ArrayList<>(seatMap(showtimeId).keySet());
    String built = board(showtimeId);

    // a change the board did not see, then the board deleted, as a script does when it cannot keep it in step
    redis.opsForHash().put(SeatInventoryKeys.seats(showtimeId), Long.toString(seats.get(2)),
        SeatInventoryKeys.sold(13L, 3L));
    redis.delete(SeatInventoryKeys.board(showtimeId));
    assertThat(seatMap(showtimeId)).isEqualTo(hash(showtimeId)).containsEntry(seats.get(2), "SOLD");
    assertThat(board(showtimeId)).startsWith(built.substring(0, SeatInventoryKeys.BOARD_HEADER));

    // a board whose header names another seat list says nothing about this layout: it is replaced, not read
    redis.opsForValue().set(SeatInventoryKeys.board(showtimeId), "ffffffffffffffff" + "S".repeat(15));
    assertThat(seatMap(showtimeId)).isEqualTo(hash(showtimeId)).containsEntry(seats.get(3), "AVAILABLE");
    assertThat(board(showtimeId)).startsWith(built.substring(0, SeatInventoryKeys.BOARD_HEADER));
  }

  @Test
  void aSeatAddedByPuttingOnSaleAgainOrARetiredInventoryTakesTheBoardWithIt() {
    long showtimeId = onSaleShowtime("Board Retired");
    List<Long> seats = new ArrayList<>(seatMap(showtimeId).keySet());
    assertThat(redis.getExpire(SeatInventoryKeys.board(showtimeId))).as("a board gives its memory back in a day")
        .isBetween(86_000L, 86_400L);
    assertThat(redis.getExpire(SeatInventoryKeys.grid(showtimeId))).isBetween(86_000L, 86_400L);

    // initialising the same seats again adds none and keeps the board
    inventory.initialise(showtimeId, seats);
    assertThat(board(showtimeId)).isNotNull();
    // a seat added: the board no longer covers every seat, so it goes and the next read builds it again
    long added = 9_000_000_000L + showtimeId % 1_000_000;
    inventory.initialise(showtimeId, List.of(added));
    assertThat(board(showtimeId)).isNull();
    assertThat(seatMap(showtimeId)).isEqualTo(Map.copyOf(withoutSeat(hash(showtimeId), added)));
    assertThat(board(showtimeId)).isNotNull();

    // retired unsold: the seats, the holdings, the grid and the board go together
    assertThat(inventory.retireIfUnsold(showtimeId)).isTrue();
    assertThat(redis.countExistingKeys(List.of(SeatInventoryKeys.seats(showtimeId),
        SeatInventoryKeys.holdings(showtimeId), SeatInventoryKeys.grid(showtimeId),
        SeatInventoryKeys.board(showtimeId)))).isZero();
  }

  private static Map<Long, String> withoutSeat(Map<Long, String> statuses, long seat) {
    Map<Long, String> rest = new HashMap<>(statuses);
    rest.remove(seat);
    return rest;
  }

  @Test
  void aBoardThatOutlivedItsSeatsHashIsNeverShown() {
    long showtimeId = onSaleShowtime("Board Orphaned");
    seatMap(showtimeId);
    assertThat(board(showtimeId)).isNotNull();
    redis.delete(SeatInventoryKeys.seats(showtimeId));

    // as with no board: the inventory is being rebuilt (by the order service), never shown from what is left
    ResponseEntity<JsonNode> map = get("/api/showtimes/" + showtimeId + "/seats");
    assertThat(map.getStatusCode().value()).isEqualTo(503);
    assertThat(map.getBody().get("code").asText()).isEqualTo("INVENTORY_REBUILDING");
    assertThat(get("/api/showtimes/" + showtimeId + "/availability").getStatusCode().value()).isEqualTo(503);
    assertThat(redis.hasKey(SeatInventoryKeys.seats(showtimeId))).isFalse();
  }
}
