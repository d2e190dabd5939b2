package com.ticketplatform.starter.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Idempotency-Keys kept in the service's own database ({@code t_idempotency}, docs/ARCHITECTURE.md §5), for creates
 * whose key must commit with the change itself and survive a Redis loss. The primary key (owner, scope, key) decides
 * every race: exactly one request owns a key. The owner id is the caller's, so in a sharded schema the record lives
 * with the owner's other rows. Two ways to use it:
 *
 * <ul>
 *   <li>one transaction ({@link #create}): the create records its new id through the {@link Recorder} inside its own
 *       transaction; a concurrent duplicate loses on the primary key and answers with the winner's resource;</li>
 *   <li>across transactions ({@link #claim}, {@link #complete}, {@link #abandon}): for work that spans several
 *       (the place-order saga); a claim whose owner died is taken over after the claim timeout.</li>
 * </ul>
 *
 * <p>With Redis at hand every claimed key is also marked there for as long as its record may exist, so
 * {@link #completed} answers a fresh key from one Redis read instead of a sharded query (the on-sale's commonest
 * case). The mark is a filter, the database the truth.
 *
 * <pre>
 * CREATE TABLE t_idempotency (
 *   owner_id     BIGINT       NOT NULL,
 *   scope        VARCHAR(96)  NOT NULL,   -- the endpoint
 *   idem_key     VARCHAR(128) NOT NULL,
 *   request_hash CHAR(64)     NOT NULL,
 *   resource_id  BIGINT       NULL,       -- what the request made, once it has
 *   created_at   DATETIME(3)  NOT NULL,
 *   updated_at   DATETIME(3)  NOT NULL,
 *   PRIMARY KEY (owner_id, scope, idem_key),
 *   KEY idx_idempotency_created (created_at));
 * </pre>
 */
public class IdempotencyRecords {

  private static final Duration WAIT_FOR_OWNER = Duration.ofSeconds(10);
  /** The retention purge runs this often: a mark outlives its record by as much. */
  private static final Duration PURGE_PERIOD = Duration.ofMinutes(10);

  private final JdbcTemplate jdbc;
  private final StringRedisTemplate marks;
  private final ObjectMapper json;
  private final Clock clock;
  private final IdempotencyProperties properties;

  /** @param marks Redis for the claim marks, or null to ask the database every time */
  public IdempotencyRecords(JdbcTemplate jdbc, StringRedisTemplate marks, ObjectMapper json, Clock clock,
      IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.marks = marks;
    this.json = json;
    this.clock = clock;
    this.properties = properties;
  }

  /** Records what a create made, inside the create's transaction. */
  @FunctionalInterface
  public interface Recorder {

    /** For creates no client can retry (start-up data): records nothing. */
    Recorder NONE = resourceId -> {};

    void created(long resourceId);
  }

  /** The outcome of a claim: this request owns the key, or an earlier one with the same request made a resource. */
  public record Claim(boolean owned, Long existingResourceId) {}

  private record Row(String requestHash, Long resourceId, Instant updatedAt) {}

  /** SHA-256 over the request as JSON: what a key remembers of a create's body (hex, as records kept it before). */
  public String hashOf(Object request) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request)));
    } catch (JacksonException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint the request", e);
    }
  }

  /**
   * Runs {@code create} at most once per (owner, scope, key): without a key it simply runs. {@code create} must be
   * transactional and call the recorder inside its transaction.
   *
   * @param load reads the resource by its id, for the first answer and for replays
   */
  public <T> IdempotencyOutcome<T> create(long owner, String scope, String key, String requestHash,
      ToLongFunction<Recorder> create, LongFunction<T> load) {
    if (IdempotencyKeys.absent(key)) {
      return new IdempotencyOutcome<>(load.apply(create.applyAsLong(Recorder.NONE)), false);
    }
    IdempotencyKeys.check(key);
    Row earlier = find(owner, scope, key);
    if (earlier != null) {
      return replay(earlier, requestHash, load);
    }
    try {
      long id = create.applyAsLong(resourceId -> {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO t_idempotency (owner_id, scope, idem_key, request_hash, resource_id, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", owner, scope, key, requestHash, resourceId, now, now);
      });
      return new IdempotencyOutcome<>(load.apply(id), false);
    } catch (DuplicateKeyException raced) {
      Row winner = find(owner, scope, key);
      if (winner == null || winner.resourceId() == null) {
        throw raced;
      }
      return replay(winner, requestHash, load);
    }
  }

  private <T> IdempotencyOutcome<T> replay(Row earlier, String requestHash, LongFunction<T> load) {
    if (!earlier.requestHash().equals(requestHash)) {
      throw IdempotencyKeys.reused();
    }
    if (earlier.resourceId() == null) {
      throw IdempotencyKeys.inProgress();
    }
    return new IdempotencyOutcome<>(load.apply(earlier.resourceId()), true);
  }

  /**
   * Claims the key for this request (in a transaction of its own). A request with the same key and body that already
   * finished answers with its resource; one still running makes this wait up to 10 s, then 409; one whose owner died
   * (not touched for the claim timeout) is taken over; another body is a 422.
   */
  public Claim claim(long owner, String scope, String key, String requestHash) {
    IdempotencyKeys.check(key);
    if (marks != null) {
      // marked before the record exists, so completed() never misses a record
      marks.opsForValue().set(markKey(owner, scope, key), "1", markLifetime());
    }
    long deadline = System.nanoTime() + WAIT_FOR_OWNER.toNanos();
    while (true) {
      Timestamp now = Timestamp.from(clock.instant());
      try {
        jdbc.update("INSERT INTO t_idempotency (owner_id, scope, idem_key, request_hash, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)", owner, scope, key, requestHash, now, now);
        return new Claim(true, null);
      } catch (DuplicateKeyException exists) {
        Row row = find(owner, scope, key);
        if (row == null) {
          continue; // its owner abandoned it just now: try again
        }
        if (!row.requestHash().equals(requestHash)) {
          throw IdempotencyKeys.reused();
        }
        if (row.resourceId() != null) {
          return new Claim(false, row.resourceId());
        }
        if (row.updatedAt().plus(properties.claimTimeout()).isBefore(now.toInstant()) && jdbc.update(
            "UPDATE t_idempotency SET updated_at = ? WHERE owner_id = ? AND scope = ? AND idem_key = ?"
                + " AND resource_id IS NULL AND updated_at = ?",
            now, owner, scope, key, Timestamp.from(row.updatedAt())) == 1) {
          return new Claim(true, null);
        }
        if (System.nanoTime() > deadline) {
          throw IdempotencyKeys.inProgress();
        }
        pause();
      }
    }
  }

  /** A key to claim among many, for {@link #claimAllNew}. */
  public record Wanted(long owner, String key, String requestHash) {}

  /**
   * Claims many keys of one scope with one statement (a batch of accepted orders), in the caller's transaction: true
   * when every key was new and is now claimed by its request; false when any record existed already, and then the
   * caller rolls its transaction back, so none is claimed here, and claims each with {@link #claim}, which knows what
   * an existing record means. The keys must be valid ({@link IdempotencyKeys#check}) and distinct.
   */
  public boolean claimAllNew(String scope, List<Wanted> wanted) {
    if (wanted.isEmpty()) {
      return true;
    }
    if (marks != null) {
      // marked before the records exist, as for one claim: one round trip for all
      Duration ttl = markLifetime();
      marks.executePipelined(new SessionCallback<Object>() {
        @Override
        @SuppressWarnings("unchecked")
        public Object execute(RedisOperations operations) {
          RedisOperations<String, String> ops = operations;
          wanted.forEach(w -> ops.opsForValue().set(markKey(w.owner(), scope, w.key()), "1", ttl));
          return null;
        }
      });
    }
    Timestamp now = Timestamp.from(clock.instant());
    StringBuilder sql = new StringBuilder(
        "INSERT INTO t_idempotency (owner_id, scope, idem_key, request_hash, created_at, updated_at) VALUES ");
    List<Object> args = new ArrayList<>(wanted.size() * 6);
    for (Wanted w : wanted) {
      sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
      args.addAll(List.of(w.owner(), scope, w.key(), w.requestHash(), now, now));
    }
    try {
      jdbc.update(sql.toString(), args.toArray());
      return true;
    } catch (DuplicateKeyException exists) {
      return false;
    }
  }

  /** The resource a finished request with this key and body made, if any (a replay must answer with it). */
  public Optional<Long> completed(long owner, String scope, String key, String requestHash) {
    if (IdempotencyKeys.absent(key) || key.length() > IdempotencyKeys.MAX_LENGTH) {
      return Optional.empty();
    }
    if (marks != null && !Boolean.TRUE.equals(marks.hasKey(markKey(owner, scope, key)))) {
      return Optional.empty();
    }
    Row row = find(owner, scope, key);
    return row != null && row.resourceId() != null && row.requestHash().equals(requestHash)
        ? Optional.of(row.resourceId()) : Optional.empty();
  }

  /**
   * Records what the claimed key made; call it inside the transaction that writes the resource, so the two cannot
   * part. False when the key is no longer this request's to complete (completed already, or gone).
   */
  public boolean complete(long owner, String scope, String key, long resourceId) {
    return jdbc.update("UPDATE t_idempotency SET resource_id = ?, updated_at = ? WHERE owner_id = ? AND scope = ?"
        + " AND idem_key = ? AND resource_id IS NULL", resourceId, Timestamp.from(clock.instant()), owner, scope,
        key) == 1;
  }

  /** A claimed key and what its request made, for {@link #completeAll}. */
  public record Completion(long owner, String key, long resourceId) {}

  /**
   * {@link #complete} for many keys of one scope in one JDBC batch, inside the transaction that writes their
   * resources. False when any key was no longer its request's to complete; the caller then rolls the transaction back.
   */
  public boolean completeAll(String scope, List<Completion> completions) {
    if (completions.isEmpty()) {
      return true;
    }
    Timestamp now = Timestamp.from(clock.instant());
    int[] updated = jdbc.batchUpdate("UPDATE t_idempotency SET resource_id = ?, updated_at = ? WHERE owner_id = ?"
        + " AND scope = ? AND idem_key = ? AND resource_id IS NULL", completions, completions.size(), (ps, c) -> {
          ps.setLong(1, c.resourceId());
          ps.setTimestamp(2, now);
          ps.setLong(3, c.owner());
          ps.setString(4, scope);
          ps.setString(5, c.key());
        })[0];
    for (int count : updated) {
      if (count != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The request failed and kept nothing: a retry with the same key runs again. {@code resourceId}: what it would have
   * made, if it got that far (a record completed with it goes too).
   */
  public void abandon(long owner, String scope, String key, Long resourceId) {
    jdbc.update("DELETE FROM t_idempotency WHERE owner_id = ? AND scope = ? AND idem_key = ?"
        + " AND (resource_id IS NULL OR resource_id = ?)", owner, scope, key, resourceId);
  }

  private Row find(long owner, String scope, String key) {
    List<Row> rows = jdbc.query("SELECT request_hash, resource_id, updated_at FROM t_idempotency"
        + " WHERE owner_id = ? AND scope = ? AND idem_key = ?",
        (rs, i) -> new Row(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getTimestamp(3).toInstant()),
        owner, scope, key);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** A mark lives as long as its record may: the retention, and the purge's period on top. */
  private Duration markLifetime() {
    return properties.retention().plus(PURGE_PERIOD);
  }

  private String markKey(long owner, String scope, String key) {
    // the owner in braces: one owner's marks share a Redis Cluster slot
    return properties.keyPrefix() + "mark:{" + owner + "}:" + scope + ":" + key;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an Idempotency-Key", e);
    }
  }
}
