package com.ticketplatform.program.idempotency;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Makes a create retry-safe: with an {@code Idempotency-Key}, the first request creates and records the new id in
 * the same transaction; a retry with the same key and body answers with that resource, one with a different body is
 * rejected. Two concurrent requests with one key race on the record's primary key: the loser's transaction rolls
 * back and it answers with the winner's resource.
 */
@Component
public class Idempotency {

  private static final int MAX_KEY_LENGTH = 128;

  private final IdempotencyMapper records;
  private final ObjectMapper json;
  private final Clock clock;

  public Idempotency(IdempotencyMapper records, ObjectMapper json, Clock clock) {
    this.records = records;
    this.json = json;
    this.clock = clock;
  }

  /** What a create returns: the resource and whether it was created earlier by the same key. */
  public record Outcome<T>(T resource, boolean replayed) {}

  /** Handed to the create, which must call {@link #recordCreated(long)} inside its transaction. */
  public final class Ticket {
    private final String scope;
    private final String key;
    private final String hash;

    private Ticket(String scope, String key, String hash) {
      this.scope = scope;
      this.key = key;
      this.hash = hash;
    }

    public void recordCreated(long resourceId) {
      if (key == null) {
        return;
      }
      IdempotencyRecord record = new IdempotencyRecord();
      record.scope = scope;
      record.idemKey = key;
      record.requestHash = hash;
      record.resourceId = resourceId;
      record.createdAt = clock.instant();
      records.insert(record);
    }
  }

  /** For creates that no client can retry (start-up data): records nothing. */
  public Ticket none() {
    return new Ticket(null, null, null);
  }

  public <T> Outcome<T> create(String scope, String key, Object request, Function<Ticket, Long> create,
      LongFunction<T> load) {
    if (key == null || key.isBlank()) {
      return new Outcome<>(load.apply(create.apply(new Ticket(scope, null, null))), false);
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "Idempotency-Key is longer than " + MAX_KEY_LENGTH);
    }
    String hash = hash(request);
    IdempotencyRecord earlier = records.find(scope, key);
    if (earlier != null) {
      return replay(earlier, hash, load);
    }
    try {
      long id = create.apply(new Ticket(scope, key, hash));
      return new Outcome<>(load.apply(id), false);
    } catch (DuplicateKeyException raced) {
      IdempotencyRecord winner = records.find(scope, key);
      if (winner == null) {
        throw raced;
      }
      return replay(winner, hash, load);
    }
  }

  private <T> Outcome<T> replay(IdempotencyRecord earlier, String hash, LongFunction<T> load) {
    if (!earlier.requestHash.equals(hash)) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCodes.IDEMPOTENCY_KEY_REUSED,
          "this Idempotency-Key was used with a different request");
    }
    return new Outcome<>(load.apply(earlier.resourceId), true);
  }

  private String hash(Object request) {
    try {
      byte[] body = json.writeValueAsBytes(request);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (JacksonException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint the request", e);
    }
  }

  /** The scope of a key: who sent it to which endpoint, so keys of different callers never collide. */
  public static String scope(long userId, String endpoint) {
    return userId + ":" + endpoint;
  }
}
