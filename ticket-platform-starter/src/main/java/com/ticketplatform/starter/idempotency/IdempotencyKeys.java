package com.ticketplatform.starter.idempotency;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;

/** The rules every Idempotency-Key follows, whichever store keeps it. */
public final class IdempotencyKeys {

  /** The longest key a client may send (the database columns are sized for it). */
  static final int MAX_LENGTH = 128;

  private IdempotencyKeys() {}

  static boolean absent(String key) {
    return key == null || key.isBlank();
  }

  static void check(String key) {
    if (key.length() > MAX_LENGTH) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED,
          "Idempotency-Key is longer than " + MAX_LENGTH + " characters");
    }
  }

  public static ApiException reused() {
    return ApiException.unprocessable(ErrorCodes.IDEMPOTENCY_KEY_REUSED,
        "this Idempotency-Key was used for a different request");
  }

  public static ApiException inProgress() {
    return ApiException.conflict(ErrorCodes.IDEMPOTENCY_KEY_IN_PROGRESS,
        "a request with this Idempotency-Key is still in progress; retry it shortly");
  }
}
