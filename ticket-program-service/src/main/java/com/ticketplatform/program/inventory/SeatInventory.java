package com.ticketplatform.program.inventory;

import com.ticketplatform.common.seat.SeatInventoryKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * The live seat inventory of a showtime in Redis, in the layout of {@link SeatInventoryKeys}. This service creates it
 * when a showtime goes on sale and reads it for the seat map; the order service locks, sells and releases seats in
 * it and rebuilds it from its tickets when it is missing.
 */
@Component
public class SeatInventory {

  /** HSETNX for every seat: re-initialising never frees a seat that is locked or sold. */
  private static final DefaultRedisScript<Long> INITIALISE = new DefaultRedisScript<>("""
      local added = 0
      for i = 1, #ARGV do
        added = added + redis.call('HSETNX', KEYS[1], ARGV[i], 'A')
      end
      return added
      """, Long.class);

  /** Drops a showtime's inventory only when no seat is locked or sold, atomically with the order service's locks. */
  private static final DefaultRedisScript<Long> RETIRE_IF_UNSOLD = new DefaultRedisScript<>("""
      local values = redis.call('HVALS', KEYS[1])
      for i = 1, #values do
        local prefix = string.sub(values[i], 1, 2)
        if prefix == 'L:' or prefix == 'S:' then
          return 0
        end
      end
      redis.call('DEL', KEYS[1], KEYS[2])
      return 1
      """, Long.class);

  private static final int CHUNK = 500;

  private final StringRedisTemplate redis;
  private final SeatStatusReads reads;

  public SeatInventory(StringRedisTemplate redis, SeatStatusReads reads) {
    this.redis = redis;
    this.reads = reads;
  }

  public void initialise(long showtimeId, List<Long> seatIds) {
    List<String> key = List.of(SeatInventoryKeys.seats(showtimeId));
    for (int from = 0; from < seatIds.size(); from += CHUNK) {
      List<Long> chunk = seatIds.subList(from, Math.min(seatIds.size(), from + CHUNK));
      redis.execute(INITIALISE, key, chunk.stream().map(String::valueOf).toArray(Object[]::new));
    }
  }

  /** Seat id → public status (AVAILABLE, LOCKED, SOLD); empty when the inventory does not exist. */
  public Optional<Map<Long, String>> statuses(long showtimeId) {
    Map<byte[], byte[]> raw = reads.all(SeatInventoryKeys.seats(showtimeId).getBytes(StandardCharsets.UTF_8));
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, String> statuses = new HashMap<>(raw.size() * 2);
    raw.forEach((seat, value) -> statuses.put(Long.valueOf(new String(seat, StandardCharsets.US_ASCII)),
        SeatInventoryKeys.statusOf(value)));
    return Optional.of(statuses);
  }

  public boolean exists(long showtimeId) {
    return Boolean.TRUE.equals(redis.hasKey(SeatInventoryKeys.seats(showtimeId)));
  }

  /** Deletes the inventory if no seat in it is locked or sold; false when one is. A missing inventory counts as retired. */
  public boolean retireIfUnsold(long showtimeId) {
    Long retired = redis.execute(RETIRE_IF_UNSOLD,
        new ArrayList<>(List.of(SeatInventoryKeys.seats(showtimeId), SeatInventoryKeys.holdings(showtimeId))));
    return retired != null && retired == 1L;
  }
}
