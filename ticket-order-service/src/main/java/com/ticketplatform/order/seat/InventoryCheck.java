package com.ticketplatform.order.seat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the Redis inventory and the database's claims agreeing (docs/ARCHITECTURE.md §2 "The inventory check"), at
 * a cost that follows what changed rather than every live seat. Each pass looks at the showtimes whose inventory this
 * instance changed since the last one ({@link SeatActivity}), and again at those with something only time can settle
 * (an order within its grace, an accepted order awaiting placement). Everything is looked at ({@link ClaimReaper},
 * {@link InventoryWatchdog}) at start-up, every {@code inventory-sweep-interval}, and whenever Redis has lost a write
 * made since the last pass: each pass leaves a fresh token in Redis and finds the one it left last time, so a
 * flush, or a Redis restored from an older snapshot or failed over to a lagging replica, shows as a token missing or
 * older. A snapshot taken after the token keeps it, and loses only writes sent after the pass began: their showtimes
 * were marked before them, so this pass or the next looks at them (a showtime is looked at on the two passes after
 * it changed, because a write marked before one pass may land after that pass read it).
 */
@Component
public class InventoryCheck {

  private static final Logger log = LoggerFactory.getLogger(InventoryCheck.class);
  /** The token outlives a stopped instance by a day, then goes. */
  private static final Duration TOKEN_TTL = Duration.ofDays(1);

  private final SeatActivity activity;
  private final ClaimReaper reaper;
  private final InventoryWatchdog watchdog;
  private final StringRedisTemplate redis;
  private final Clock clock;
  private final Duration sweepInterval;
  private final String tokenKey = "ticket:inv:check-token:" + UUID.randomUUID();
  /** The token this instance left on its last pass; null until a pass has left one (then the next one sweeps). */
  private String lastToken;
  private String pending;
  private Instant lastSweep;
  /** What the previous pass drained: looked at once more. */
  private Set<Long> previous = Set.of();

  public InventoryCheck(SeatActivity activity, ClaimReaper reaper, InventoryWatchdog watchdog,
      StringRedisTemplate redis, Clock clock,
      @Value("${ticket.order.inventory-sweep-interval:PT10M}") Duration sweepInterval) {
    this.activity = activity;
    this.reaper = reaper;
    this.watchdog = watchdog;
    this.redis = redis;
    this.clock = clock;
    this.sweepInterval = sweepInterval;
  }

  /**
   * One pass: {@code sweep} when it looked at every showtime, else the showtimes it looked at; {@code failed} when
   * it could not finish (what it drained is looked at again, and the next pass sweeps).
   */
  public record Pass(boolean sweep, Set<Long> showtimes, int released, int corrected, boolean failed) {}

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    watchdog.backfillClaims();
    sweep();
  }

  @Scheduled(fixedDelayString = "${ticket.order.inventory-check-interval:PT30S}",
      initialDelayString = "${ticket.order.inventory-check-interval:PT30S}")
  public synchronized Pass check() {
    if (lastToken == null || !clock.instant().isBefore(lastSweep.plus(sweepInterval))) {
      return sweep();
    }
    Pass pass = pass(false, (looked, waiting) -> {
      // swapped in one command: a flush or a rewind can fall before it or after it, never between a read and a write
      String found = redis.opsForValue().setGet(tokenKey, nextToken(), TOKEN_TTL);
      if (!Objects.equals(found, lastToken)) {
        log.warn("Redis lost writes since the last inventory check (its token is {}): checking every showtime",
            found == null ? "gone" : "older");
        waiting.addAll(looked);
        return null;
      }
      lastToken = pending;
      return new Pass(false, Set.copyOf(looked), reaper.reap(looked, waiting), watchdog.check(looked, waiting),
          false);
    });
    return pass != null ? pass : sweep();
  }

  /**
   * Every showtime: the claims of every showtime with claims, the inventory of every live showtime and of every one
   * changed since the last two passes.
   */
  public synchronized Pass sweep() {
    return pass(true, (looked, waiting) -> {
      lastToken = null;
      redis.opsForValue().set(tokenKey, nextToken(), TOKEN_TTL);
      lastToken = pending;
      lastSweep = clock.instant();
      return new Pass(true, Set.of(), reaper.reapAll(waiting), watchdog.checkAll(looked, waiting), false);
    });
  }

  /** What a pass does with the showtimes to look at, adding those to look at again to {@code waiting}. */
  private interface Look {
    Pass over(Set<Long> looked, Set<Long> waiting);
  }

  /**
   * Drains what changed and looks at it with what the previous pass drained. A pass that cannot finish keeps all of
   * it for the next one, which then sweeps.
   */
  private Pass pass(boolean sweep, Look look) {
    Set<Long> changed = activity.drain();
    Set<Long> looked = new HashSet<>(changed);
    looked.addAll(previous);
    previous = changed;
    Set<Long> waiting = new HashSet<>();
    boolean done = false;
    try {
      Pass pass = look.over(looked, waiting);
      done = true;
      return pass;
    } catch (RuntimeException e) {
      log.warn("inventory {} failed, swept on the next pass: {}", sweep ? "sweep" : "check", e.toString());
      return new Pass(sweep, Set.of(), 0, 0, true);
    } finally {
      if (!done) {
        waiting.addAll(looked);
        lastToken = null;
      }
      activity.again(waiting);
    }
  }

  /** Where this instance leaves its token (one key per instance, so instances do not see each other's). */
  public String tokenKey() {
    return tokenKey;
  }

  /** A fresh token, remembered as {@code pending} until Redis has taken it. */
  private String nextToken() {
    pending = UUID.randomUUID().toString();
    return pending;
  }
}
