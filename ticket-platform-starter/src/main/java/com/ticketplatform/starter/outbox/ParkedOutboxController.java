package com.ticketplatform.starter.outbox;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.web.PageRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The parked (dead-letter) outbox rows of this service, under its admin prefix ({@code ticket.outbox.admin-path},
 * always below {@code /api/admin/}, so ADMIN is required by the gateway and by {@code AdminRoutesGuard}).
 */
@RestController
@RequestMapping("${ticket.outbox.admin-path}/outbox/parked")
public class ParkedOutboxController {

  /** A retry of a row that is not parked: it is on Kafka already, or waiting for the relay. */
  public static final String NOT_PARKED = "NOT_PARKED";
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  /** A retry taken: the row waits for the relay again ({@code status} PENDING). */
  public record ParkedEventRetried(long outboxId, String store, String status) {}

  private final ParkedOutbox parked;

  public ParkedOutboxController(ParkedOutbox parked) {
    this.parked = parked;
  }

  /** The most recently parked rows first (limit 1..200, default 50), and how many are parked in all. */
  @GetMapping
  public ParkedOutbox.ParkedEventPage parked(@RequestParam(required = false) Integer limit) {
    return parked.parked(PageRequest.bounded("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
  }

  /** Sends a parked row again: 202 once it is pending; 404 for no such row; 409 NOT_PARKED when it is not parked. */
  @PostMapping("/{outboxId}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public ParkedEventRetried retry(@PathVariable long outboxId) {
    ParkedOutbox.Retried retried = parked.retry(outboxId);
    return switch (retried.outcome()) {
      case RETRIED -> new ParkedEventRetried(outboxId, retried.store(), "PENDING");
      case NOT_FOUND -> throw ApiException.notFound("outbox row " + outboxId);
      case PENDING -> throw notParked(outboxId, "PENDING", "is waiting for the relay already");
      case PUBLISHED -> throw notParked(outboxId, "PUBLISHED", "was published already");
    };
  }

  private static ApiException notParked(long outboxId, String status, String why) {
    return new ApiException(HttpStatus.CONFLICT, NOT_PARKED, "outbox row " + outboxId + " is not parked: it " + why,
        Map.of("status", status));
  }
}
