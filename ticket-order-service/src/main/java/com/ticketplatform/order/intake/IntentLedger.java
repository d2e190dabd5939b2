package com.ticketplatform.order.intake;

import com.ticketplatform.order.placement.OrderIntent;
import com.ticketplatform.order.seat.AcceptedOrders;
import com.ticketplatform.order.seat.SeatInventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Where an accepted order's intent and its status live between the 202 and its outcome (docs/ARCHITECTURE.md §2
 * "Accepted orders"): a hash per intent ({@code status}: PENDING, PROCESSING, PLACED or REJECTED; the intent; the
 * outcome), a sorted set of the live ones by acceptance time, and the buyer's Idempotency-Key record. The lock script
 * writes all three with the seats' lock; {@link #settle} moves a status by compare-and-set and publishes each outcome
 * on {@link #CHANNEL} for the event streams of every instance.
 *
 * <p>These keys sit beside the seat inventory on its Redis; they carry no showtime hash tag (the order number is all a
 * reader has), so on a Redis Cluster the intake script would need them moved under the showtime's tag.
 */
@Component
public class IntentLedger implements AcceptedOrders {

  public static final String CHANNEL = "ticket:intake:outcomes";
  static final String LIVE = "ticket:intake:live";
  private static final RedisScript<String> SETTLE = script("lua/intent-settle.lua");

  public enum Status { PENDING, PROCESSING, PLACED, REJECTED }

  /** The stored state of an intent; {@code since}: when it took this status; {@code rejection} when REJECTED. */
  public record State(Status status, OrderIntent intent, Instant since, Rejection rejection) {

    public boolean live() {
      return status == Status.PENDING || status == Status.PROCESSING;
    }
  }

  private final StringRedisTemplate redis;
  private final ObjectMapper json;
  private final IntakeProperties props;
  private final Clock clock;

  public IntentLedger(StringRedisTemplate redis, ObjectMapper json, IntakeProperties props, Clock clock) {
    this.clock = clock;
    this.redis = redis;
    this.json = json;
    this.props = props;
  }

  private static RedisScript<String> script(String path) {
    try {
      return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), String.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  static String statusKey(long orderNo) {
    return "ticket:intake:intent:" + orderNo;
  }

  static String keyRecordKey(long userId, String idempotencyKey) {
    return "ticket:intake:key:" + userId + ":" + idempotencyKey;
  }

  /** The record the buyer's key keeps: the order number it made and the request it was made for. */
  static String keyRecord(long orderNo, String requestHash) {
    return orderNo + "|" + requestHash;
  }

  /** What the lock script writes with an accepted order's lock. */
  public SeatInventory.Intake intakeOf(OrderIntent intent) {
    return new SeatInventory.Intake(keyRecordKey(intent.userId(), intent.idempotencyKey()),
        keyRecord(intent.orderNo(), intent.requestHash()), statusKey(intent.orderNo()), LIVE,
        props.keepFor().toSeconds(), intent.acceptedAt().toEpochMilli(), json.writeValueAsString(intent));
  }

  public Optional<State> find(long orderNo) {
    Map<Object, Object> fields = redis.opsForHash().entries(statusKey(orderNo));
    Object intent = fields.get("intent");
    if (intent == null || fields.get("status") == null) {
      return Optional.empty();
    }
    String outcome = (String) fields.get("outcome");
    OrderIntent read = json.readValue((String) intent, OrderIntent.class);
    Object since = fields.get("since");
    return Optional.of(new State(Status.valueOf((String) fields.get("status")), read,
        since == null ? read.acceptedAt() : Instant.ofEpochMilli(Long.parseLong((String) since)),
        outcome == null ? null : json.readValue(outcome, Rejection.class)));
  }

  /** Whether the order number is an intent still waiting for, or being given, its outcome. */
  @Override
  public boolean awaitingPlacement(long orderNo) {
    Object status = redis.opsForHash().get(statusKey(orderNo), "status");
    return Status.PENDING.name().equals(status) || Status.PROCESSING.name().equals(status);
  }

  /**
   * Moves the intent to {@code to} if its status is one of {@code from} ({@code "*"}: any, a missing hash included;
   * {@code "MISSING"}: none stored, as after a Redis loss). A rejection also frees the buyer's key for a new
   * request, as a failed direct order does. Returns the status found, empty if it did not move.
   */
  public Optional<String> settle(OrderIntent intent, String from, Status to, Rejection rejection) {
    boolean freeKey = to == Status.REJECTED;
    String found = redis.execute(SETTLE,
        List.of(statusKey(intent.orderNo()), LIVE, keyRecordKey(intent.userId(), intent.idempotencyKey())),
        from, to.name(), Long.toString(intent.orderNo()),
        rejection == null ? "" : json.writeValueAsString(rejection), freeKey ? "1" : "0", CHANNEL,
        Long.toString(props.keepFor().toSeconds()), Long.toString(clock.millis()), json.writeValueAsString(intent));
    return Optional.ofNullable(found);
  }

  /**
   * Points the buyer's key at the order it made (the intake's record of it was lost with Redis, and a second request
   * was accepted meanwhile): a retry then answers that order.
   */
  public void pointKey(OrderIntent intent, long orderNo) {
    redis.opsForValue().set(keyRecordKey(intent.userId(), intent.idempotencyKey()),
        keyRecord(orderNo, intent.requestHash()), props.keepFor());
  }

  /** Order numbers of intents accepted before {@code cutoff} that are still live, oldest first, from {@code skip}. */
  public List<Long> liveSince(Instant cutoff, long skip, int limit) {
    Set<String> members = redis.opsForZSet().rangeByScore(LIVE, Double.NEGATIVE_INFINITY, cutoff.toEpochMilli(), skip,
        limit);
    return members == null ? List.of() : members.stream().map(Long::parseLong).toList();
  }

  /** Drops a number from the live set whose status is gone (expired, or lost with Redis). */
  void forget(long orderNo) {
    redis.opsForZSet().remove(LIVE, Long.toString(orderNo));
  }
}
