package com.ticketplatform.user.web;

import com.ticketplatform.common.error.ApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A 429 that tells the client when to come back (Retry-After), e.g. after too many failed logins. */
public class RetryLaterException extends ApiException {

  private final Duration retryAfter;

  public RetryLaterException(String code, String detail, Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, code, detail);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, at least one: Retry-After has no sub-second form and "0" would invite an instant retry. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
