package com.ticketplatform.notify.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.notify.delivery.Deliveries;
import com.ticketplatform.notify.notice.NoticeKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mail deliveries for administrators (docs/ARCHITECTURE.md §14): the dead letters, each with its last error, and
 * sending one again (with a fresh count of attempts; its Message-ID stays the same).
 */
@RestController
@RequestMapping("/api/admin/notifications")
class AdminNotificationController {

  record DeliveryView(long id, NoticeKind kind, long userId, @Schema(nullable = true) Long orderNo,
      @Schema(description = "the event (or the happening) the mail tells of") String dedupKey,
      Deliveries.Status status, @Schema(nullable = true) String address, int attempts,
      @Schema(nullable = true) String lastError, Instant nextAttemptAt, Instant createdAt,
      @Schema(nullable = true) Instant sentAt) {}

  private final Deliveries deliveries;
  private final Clock clock;

  AdminNotificationController(Deliveries deliveries, Clock clock) {
    this.deliveries = deliveries;
    this.clock = clock;
  }

  @GetMapping("/dead-letters")
  CursorPage<DeliveryView> notificationDeadLetters(Caller caller, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    caller.requireAdmin();
    CursorPage<Deliveries.Delivery> page = deliveries.dead(PageRequest.of(cursor, size));
    return new CursorPage<>(page.items().stream().map(AdminNotificationController::view).toList(),
        page.nextCursor());
  }

  @GetMapping("/deliveries/{deliveryId}")
  DeliveryView notificationDelivery(Caller caller, @PathVariable long deliveryId) {
    caller.requireAdmin();
    return view(deliveries.find(deliveryId).orElseThrow(() -> ApiException.notFound("delivery")));
  }

  /** Puts a dead letter back in line; 409 when the delivery is not DEAD. */
  @PostMapping("/deliveries/{deliveryId}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  DeliveryView retryNotificationDelivery(Caller caller, @PathVariable long deliveryId) {
    caller.requireAdmin();
    Deliveries.Delivery delivery = deliveries.find(deliveryId)
        .orElseThrow(() -> ApiException.notFound("delivery"));
    if (!deliveries.revive(deliveryId, clock.instant())) {
      throw ApiException.conflict("DELIVERY_NOT_DEAD", "only a dead letter can be sent again; this delivery is "
          + delivery.status());
    }
    return view(deliveries.find(deliveryId).orElseThrow());
  }

  private static DeliveryView view(Deliveries.Delivery d) {
    return new DeliveryView(d.id(), d.kind(), d.userId(), d.orderNo(), d.dedupKey(), d.status(), d.address(),
        d.attempts(), d.lastError(), d.nextAttemptAt(), d.createdAt(), d.sentAt());
  }
}
