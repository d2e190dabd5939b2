package com.ticketplatform.order.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Does nothing, on purpose: the load benchmark calls it directly and through the gateway to measure what the HTTP
 * stack and the gateway cost on their own (no database, no Redis), so order throughput can be read against it.
 */
@Hidden // not part of the API a client uses
@RestController
public class PingController {

  @GetMapping("/api/orders/ping")
  public ResponseEntity<Void> ping() {
    return ResponseEntity.noContent().build();
  }
}
