package com.ticketplatform.client.program;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The program service's internal contract: what the order service needs to price and validate a purchase. */
@FeignClient(name = "ticket-program-service", contextId = "programClient", path = "/internal")
public interface ProgramClient {

  /** The showtime with every seat of its hall and each seat's price; 404 when unknown. */
  @GetMapping("/showtimes/{showtimeId}/sale-info")
  ShowtimeSaleInfo saleInfo(@PathVariable("showtimeId") long showtimeId);
}
