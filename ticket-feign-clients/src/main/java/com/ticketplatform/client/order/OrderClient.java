package com.ticketplatform.client.order;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The order service's internal contract for other services (e.g. verified-buyer checks). */
@FeignClient(name = "ticket-order-service", contextId = "orderClient", path = "/internal/orders")
public interface OrderClient {

  /** Whether the user holds a PAID (not refunded) order for any showtime of the program. */
  @GetMapping("/purchases")
  PurchaseCheck hasPurchased(@RequestParam("userId") long userId, @RequestParam("programId") long programId);

  record PurchaseCheck(long userId, long programId, boolean purchased) {}
}
