package com.ticketplatform.common.error;

/**
 * Stable, machine-readable problem codes. Clients switch on these, so a code, once published, keeps its meaning.
 * Service-specific codes live next to the feature that raises them; the ones here are shared by every service.
 */
public final class ErrorCodes {

  public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
  public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
  public static final String BAD_CURSOR = "BAD_CURSOR";
  public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
  public static final String FORBIDDEN = "FORBIDDEN";
  public static final String NOT_FOUND = "NOT_FOUND";
  public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
  public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
  public static final String CONFLICT = "CONFLICT";
  public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
  public static final String IDEMPOTENCY_KEY_REQUIRED = "IDEMPOTENCY_KEY_REQUIRED";
  public static final String IDEMPOTENCY_KEY_IN_PROGRESS = "IDEMPOTENCY_KEY_IN_PROGRESS";
  public static final String RATE_LIMITED = "RATE_LIMITED";
  public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
  public static final String LENGTH_REQUIRED = "LENGTH_REQUIRED";
  public static final String REQUEST_HEADER_FIELDS_TOO_LARGE = "REQUEST_HEADER_FIELDS_TOO_LARGE";
  public static final String URI_TOO_LONG = "URI_TOO_LONG";
  public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
  public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

  /** Name of the extra ProblemDetail member that carries the code. */
  public static final String PROPERTY = "code";

  private ErrorCodes() {}
}
