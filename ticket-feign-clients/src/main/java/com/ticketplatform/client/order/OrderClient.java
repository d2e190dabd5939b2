package com.ticketplatform.client.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The order service's internal contract for other services (verified-buyer checks, payment reconciliation, the
 * e-tickets the notify service mails).
 */
@FeignClient(name = "ticket-order-service", contextId = "orderClient", path = "/internal/orders")
public interface OrderClient {

  /** Whether the user holds a PAID (not refunded) order for any showtime of the program. */
  @GetMapping("/purchases")
  PurchaseCheck hasPurchased(@RequestParam("userId") long userId, @RequestParam("programId") long programId);

  /** Where an order stands (404 when there is no such order): what reconciliation compares a paid flow with. */
  @GetMapping("/{orderNo}/state")
  OrderState state(@PathVariable("orderNo") long orderNo);

  /**
   * Where each of up to {@link #MAX_STATES} orders stands, in one call: what reconciliation compares a busy day's paid
   * flows with. An order that does not exist is left out of the answer; 400 for an empty or longer list.
   */
  @PostMapping("/states")
  OrderStates states(@RequestBody OrderStatesQuery query);

  /**
   * Puts back the seat inventory of an on-sale showtime that Redis has lost (nothing when it is there), from the
   * orders and seat claims: what the seat map asks for when it finds none (docs/ARCHITECTURE.md §8).
   */
  @PostMapping("/inventory/{showtimeId}/rebuild-if-missing")
  InventoryRebuild rebuildInventoryIfMissing(@PathVariable("showtimeId") long showtimeId);

  /**
   * A PAID order's e-tickets with what a confirmation shows (docs/ARCHITECTURE.md §12): 404 when there is no such
   * order, 409 {@code TICKETS_NOT_ISSUED} while it is not PAID (a refund revokes the codes).
   */
  @GetMapping("/{orderNo}/tickets")
  OrderTickets tickets(@PathVariable("orderNo") long orderNo);

  record PurchaseCheck(long userId, long programId, boolean purchased) {}

  /** {@code startsAt}: the showtime's start; {@code amount} in {@code currency}, never a double. */
  record OrderTickets(long orderNo, long userId, long showtimeId, long cinemaId, String programTitle,
      Instant startsAt, BigDecimal amount, String currency, List<TicketLine> tickets) {}

  /** One seat's ticket: the signed code its QR code carries. */
  record TicketLine(long ticketId, String seatLabel, String code) {}

  record InventoryRebuild(long showtimeId, boolean rebuilt) {}

  int MAX_STATES = 500;

  record OrderStatesQuery(List<Long> orderNos) {}

  record OrderStates(List<OrderState> states) {}

  /** {@code status}: PENDING_PAYMENT, PAID, CANCELLED, REFUNDING or REFUNDED. */
  record OrderState(long orderNo, String status) {}
}
