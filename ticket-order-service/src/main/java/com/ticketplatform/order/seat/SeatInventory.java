package com.ticketplatform.order.seat;

import com.ticketplatform.common.seat.SeatInventoryKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The live seat inventory of a showtime (layout: {@link SeatInventoryKeys}), changed only through Lua scripts so
 * every check-and-set is atomic. The scripts are sent by EVALSHA (Spring falls back to EVAL once after a Redis
 * restart flushed the script cache). Plain class: the script tests run it without Spring.
 *
 * <p>Metrics (deploy/METRICS.md): {@code ticket_seats_total{event=locked|released|sold}} by the number of seats that
 * really changed, and {@code ticket_seat_lock_seconds{outcome}}, the lock script's latency as a histogram.
 */
public class SeatInventory {

  private static final RedisScript<List> LOCK = seatScript("lua/lock-seats.lua", List.class);
  private static final RedisScript<Long> RELEASE = seatScript("lua/release-seats.lua", Long.class);
  private static final RedisScript<List> SELL = seatScript("lua/sell-seats.lua", List.class);
  private static final RedisScript<Long> RECONCILE = seatScript("lua/reconcile-seats.lua", Long.class);

  private final StringRedisTemplate redis;
  private final MeterRegistry meters;
  private final Counter locked;
  private final Counter released;
  private final Counter sold;
  private final Map<LockResult.Outcome, Timer> lockTimers = new EnumMap<>(LockResult.Outcome.class);
  private final LongConsumer touched;

  public SeatInventory(StringRedisTemplate redis) {
    this(redis, new SimpleMeterRegistry(), showtimeId -> { });
  }

  /**
   * @param touched told of a showtime before each change of its inventory is sent and again when it ends
   *     ({@link SeatActivity}): the inventory check looks at what changed
   */
  public SeatInventory(StringRedisTemplate redis, MeterRegistry meters, LongConsumer touched) {
    this.redis = redis;
    this.meters = meters;
    this.touched = touched;
    this.locked = seats("locked", meters);
    this.released = seats("released", meters);
    this.sold = seats("sold", meters);
    for (LockResult.Outcome outcome : LockResult.Outcome.values()) {
      lockTimers.put(outcome, lockTimer(outcome));
    }
  }

  private static Counter seats(String event, MeterRegistry meters) {
    return Counter.builder("ticket.seats")
        .description("seats changing state in the Redis inventory")
        .tag("event", event)
        .register(meters);
  }

  private Timer lockTimer(LockResult.Outcome outcome) {
    return Timer.builder("ticket.seat.lock")
        .description("one all-or-nothing seat lock (Lua script), by outcome")
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .publishPercentileHistogram()
        .register(meters);
  }

  /**
   * A script that changes seats, after {@code lua/seat-board.lua}, which keeps the seat board in step with them
   * (docs/ARCHITECTURE.md §4 "The seat board"). The text is read once: a script built on the resource itself would
   * look up the jar entry's modification time on every call to see whether it changed.
   */
  private static <T> RedisScript<T> seatScript(String path, Class<T> type) {
    return RedisScript.of(text("lua/seat-board.lua") + text(path), type);
  }

  private static String text(String path) {
    try {
      return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * Sends a change of the showtime's inventory, marking the showtime before it is sent and again once it is answered
   * or failed: the inventory check looks at it on the passes that follow either (a call still pending across a whole
   * pass is marked again when it ends).
   */
  private <T> T sent(long showtimeId, Supplier<T> change) {
    touched.accept(showtimeId);
    try {
      return change.get();
    } finally {
      touched.accept(showtimeId);
    }
  }

  /** The keys every seat script starts with: the seats, the holdings, the grid and the board. */
  private static List<String> keys(long showtimeId) {
    return List.of(SeatInventoryKeys.seats(showtimeId), SeatInventoryKeys.holdings(showtimeId),
        SeatInventoryKeys.grid(showtimeId), SeatInventoryKeys.board(showtimeId));
  }

  private static List<Long> longs(List<?> raw, int from) {
    List<Long> out = new ArrayList<>();
    for (int i = from; i < raw.size(); i++) {
      out.add(Long.parseLong(String.valueOf(raw.get(i))));
    }
    return out;
  }

  public LockResult lock(long showtimeId, long orderNo, long userId, Collection<Long> seatIds, int limit) {
    return lock(showtimeId, orderNo, userId, seatIds, limit, null);
  }

  /**
   * What an accepted order writes with its lock, in the same script (docs/ARCHITECTURE.md §2 "Accepted orders"): the
   * buyer's Idempotency-Key record, the intent's status hash and its entry in the set of live intents.
   */
  public record Intake(String keyRecordKey, String keyRecord, String statusKey, String liveKey, long ttlSeconds,
      long acceptedAtMillis, String intentJson) {}

  /**
   * Locks the seats for the order, all or none. With an {@code intake}, the key and the intent are written with the
   * lock, and a key used before answers {@link LockResult.Outcome#KEY_USED} with its record, changing nothing.
   */
  public LockResult lock(long showtimeId, long orderNo, long userId, Collection<Long> seatIds, int limit,
      Intake intake) {
    List<String> keys = new ArrayList<>(keys(showtimeId));
    List<String> args = new ArrayList<>();
    args.add(SeatInventoryKeys.locked(orderNo, userId));
    args.add(Long.toString(userId));
    args.add(Integer.toString(limit));
    if (intake == null) {
      args.add("0");
    } else {
      keys.add(intake.keyRecordKey());
      keys.add(intake.statusKey());
      keys.add(intake.liveKey());
      args.add("4");
      args.add(intake.keyRecord());
      args.add(Long.toString(intake.ttlSeconds()));
      args.add(Long.toString(intake.acceptedAtMillis()));
      args.add(intake.intentJson());
    }
    seatIds.forEach(s -> args.add(Long.toString(s)));
    long started = System.nanoTime();
    List<?> raw = sent(showtimeId, () -> redis.execute(LOCK, keys, args.toArray()));
    int code = Integer.parseInt(String.valueOf(raw.get(0)));
    LockResult result = switch (code) {
      case 0 -> new LockResult(LockResult.Outcome.LOCKED, List.copyOf(seatIds), 0);
      case 1 -> new LockResult(LockResult.Outcome.TAKEN, longs(raw, 1), 0);
      case 2 -> new LockResult(LockResult.Outcome.LIMIT_EXCEEDED, List.of(),
          Long.parseLong(String.valueOf(raw.get(1))));
      case 3 -> new LockResult(LockResult.Outcome.UNKNOWN_SEATS, longs(raw, 1), 0);
      case 4 -> new LockResult(LockResult.Outcome.NOT_INITIALISED, List.of(), 0);
      case 5 -> LockResult.keyUsed(String.valueOf(raw.get(1)));
      default -> throw new IllegalStateException("lock script answered " + raw);
    };
    lockTimers.get(result.outcome()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    if (result.outcome() == LockResult.Outcome.LOCKED) {
      locked.increment(seatIds.size());
    }
    return result;
  }

  /** Frees seats still locked by the order; returns how many were freed (0 when repeated). */
  public long releaseLocked(long showtimeId, long orderNo, long userId, Collection<Long> seatIds) {
    return release(showtimeId, SeatInventoryKeys.locked(orderNo, userId), userId, seatIds);
  }

  /** Frees seats sold to the order (after a refund). */
  public long releaseSold(long showtimeId, long orderNo, long userId, Collection<Long> seatIds) {
    return release(showtimeId, SeatInventoryKeys.sold(orderNo, userId), userId, seatIds);
  }

  private long release(long showtimeId, String expected, long userId, Collection<Long> seatIds) {
    List<String> args = new ArrayList<>();
    args.add(expected);
    args.add(Long.toString(userId));
    seatIds.forEach(s -> args.add(Long.toString(s)));
    Long freed = sent(showtimeId, () -> redis.execute(RELEASE, keys(showtimeId), args.toArray()));
    long count = freed == null ? 0 : freed;
    released.increment(count);
    return count;
  }

  /** Marks the order's locked seats sold, all or none; returns the seats it no longer holds (empty = sold). */
  public SellResult sell(long showtimeId, long orderNo, long userId, Collection<Long> seatIds) {
    List<String> args = new ArrayList<>();
    args.add(SeatInventoryKeys.locked(orderNo, userId));
    args.add(SeatInventoryKeys.sold(orderNo, userId));
    seatIds.forEach(s -> args.add(Long.toString(s)));
    List<?> raw = sent(showtimeId,
        () -> redis.execute(SELL, keys(showtimeId), args.toArray()));
    int code = Integer.parseInt(String.valueOf(raw.get(0)));
    if (code == 0) {
      sold.increment(seatIds.size());
    }
    return switch (code) {
      case 0 -> new SellResult(true, false, List.of());
      case 1 -> new SellResult(false, false, longs(raw, 1));
      case 4 -> new SellResult(false, true, List.of());
      default -> throw new IllegalStateException("sell script answered " + raw);
    };
  }

  public record SellResult(boolean sold, boolean notInitialised, List<Long> lostSeats) {}

  /** A change for {@link #reconcile}: set {@code seat} to {@code wanted} if it still holds {@code expected}. */
  public record SeatChange(long seatId, String expected, String wanted) {}

  /**
   * Creates the whole hash when it is missing ({@code create}; answers -1 if someone created it meanwhile) or
   * patches it field by field with compare-and-set. Holdings are recomputed in the same script.
   */
  public long reconcile(long showtimeId, boolean create, List<SeatChange> changes) {
    List<String> args = new ArrayList<>();
    args.add(create ? "CREATE" : "PATCH");
    for (SeatChange c : changes) {
      args.add(Long.toString(c.seatId()));
      args.add(c.expected() == null ? "" : c.expected());
      args.add(c.wanted());
    }
    Long changed = sent(showtimeId, () -> redis.execute(RECONCILE, keys(showtimeId), args.toArray()));
    return changed == null ? 0 : changed;
  }

  public Map<Object, Object> snapshot(long showtimeId) {
    return redis.opsForHash().entries(SeatInventoryKeys.seats(showtimeId));
  }

  /**
   * The requested seats that someone else visibly holds right now (one HMGET, no lock). Only a fast way to refuse a
   * hopeless request before the saga starts; the lock script stays the one authority, so a seat seen free here may
   * still be lost to a racer there. Seats held by this buyer do not count: they may be a retry of the buyer's own
   * order. A missing hash answers "none taken" and lets the saga rebuild it.
   */
  public List<Long> takenByOthers(long showtimeId, long userId, List<Long> seatIds) {
    List<Object> values = redis.opsForHash().multiGet(SeatInventoryKeys.seats(showtimeId),
        seatIds.stream().<Object>map(String::valueOf).toList());
    String mine = ":" + userId;
    List<Long> taken = new ArrayList<>();
    for (int i = 0; i < seatIds.size(); i++) {
      Object value = values.get(i);
      if (value != null && !"A".equals(value) && !value.toString().endsWith(mine)) {
        taken.add(seatIds.get(i));
      }
    }
    return taken;
  }

  public boolean isInitialised(long showtimeId) {
    return Boolean.TRUE.equals(redis.hasKey(SeatInventoryKeys.seats(showtimeId)));
  }
}
