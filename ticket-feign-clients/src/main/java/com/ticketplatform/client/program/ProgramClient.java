package com.ticketplatform.client.program;

import java.util.Collection;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The program service's internal contract: what the order service needs to price and validate a purchase. */
@FeignClient(name = "ticket-program-service", contextId = "programClient", path = "/internal")
public interface ProgramClient {

  /** The showtime with every seat of its hall and each seat's price; 404 when unknown. */
  @GetMapping("/showtimes/{showtimeId}/sale-info")
  ShowtimeSaleInfo saleInfo(@PathVariable("showtimeId") long showtimeId);

  /**
   * The same, with only the given seats (those not in the hall are left out): what one purchase needs, instead of
   * a whole hall's prices on every order.
   */
  @GetMapping("/showtimes/{showtimeId}/sale-info")
  ShowtimeSaleInfo saleInfo(@PathVariable("showtimeId") long showtimeId,
      @RequestParam("seatIds") Collection<Long> seatIds);
}
