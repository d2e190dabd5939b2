package com.ticketplatform.program.web;

import com.ticketplatform.starter.idempotency.IdempotencyOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** How a create answers: 201, and a marker header when it is the replay of an earlier request with the same key. */
public final class AdminResponses {

  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private AdminResponses() {}

  public static <T> ResponseEntity<T> created(IdempotencyOutcome<T> outcome) {
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.CREATED);
    if (outcome.replayed()) {
      builder.header(REPLAYED_HEADER, "true");
    }
    return builder.body(outcome.value());
  }
}
