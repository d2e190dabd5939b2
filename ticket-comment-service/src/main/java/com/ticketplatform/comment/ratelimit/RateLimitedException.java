package com.ticketplatform.comment.ratelimit;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 429 that also tells the client when to retry (rendered with a Retry-After header by {@link RetryAfterAdvice}). */
public class RateLimitedException extends ApiException {

  private final long retryAfterSeconds;

  public RateLimitedException(String detail, long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED, detail,
        Map.of("retryAfterSeconds", retryAfterSeconds));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
