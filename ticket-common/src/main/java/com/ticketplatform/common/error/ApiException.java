package com.ticketplatform.common.error;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client caused or must know about. Rendered as an RFC 9457 problem with a stable {@code code}
 * (see {@link ErrorCodes}); {@code properties} become extra members of the problem (e.g. the taken seats).
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final transient Map<String, Object> properties;
  private final long retryAfterSeconds;

  public ApiException(HttpStatus status, String code, String detail) {
    this(status, code, detail, Map.of());
  }

  public ApiException(HttpStatus status, String code, String detail, Map<String, Object> properties) {
    this(status, code, detail, properties, 0);
  }

  private ApiException(HttpStatus status, String code, String detail, Map<String, Object> properties,
      long retryAfterSeconds) {
    // an answer to the client, never a fault to debug: no stack trace (filling in ~100 frames of servlet, filter and
    // proxy calls was a visible share of every 409 on a sell-out, when most requests end in one)
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.properties = Map.copyOf(properties);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * A refusal the client should repeat later (503 when busy, 429 when too fast), answered with a Retry-After header
   * and a {@code retryAfterSeconds} member of whole seconds, rounded up and at least one: the header has no
   * sub-second form and "0" would invite an instant retry.
   */
  public static ApiException retryLater(HttpStatus status, String code, String detail, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new ApiException(status, code, detail, Map.of("retryAfterSeconds", seconds), seconds);
  }

  public static ApiException notFound(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, what + " not found");
  }

  public static ApiException badRequest(String code, String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
  }

  public static ApiException conflict(String code, String detail) {
    return new ApiException(HttpStatus.CONFLICT, code, detail);
  }

  public static ApiException unprocessable(String code, String detail) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> properties() {
    return properties;
  }

  /** Seconds for the Retry-After header; 0 when the client should not simply retry. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
