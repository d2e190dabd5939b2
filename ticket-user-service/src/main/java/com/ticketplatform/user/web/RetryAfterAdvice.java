package com.ticketplatform.user.web;

import com.ticketplatform.common.error.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link RetryLaterException} like every ApiException, plus the Retry-After header the shared advice lacks. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetryAfterAdvice {

  @ExceptionHandler(RetryLaterException.class)
  ResponseEntity<ProblemDetail> retryLater(RetryLaterException e) {
    ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
    problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
    return ResponseEntity.status(e.status())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(problem);
  }
}
