package com.ticketplatform.client.program;

import java.util.Collection;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The program service's internal contract: what the order service needs to price and validate a purchase. The
 * program service implements this interface ({@code SaleInfoController}), so provider and client cannot drift.
 */
@FeignClient(name = "ticket-program-service", contextId = "programClient", path = ProgramClient.PATH)
public interface ProgramClient {

  String PATH = "/internal";

  /**
   * The showtime with its seats and each seat's price, only the given seats when {@code seatIds} is not null (those
   * not in the hall are left out: what one purchase needs, instead of a whole hall's prices on every order); 404 when
   * the showtime is unknown.
   */
  @GetMapping("/showtimes/{showtimeId}/sale-info")
  ShowtimeSaleInfo saleInfo(@PathVariable("showtimeId") long showtimeId,
      @RequestParam(name = "seatIds", required = false) Collection<Long> seatIds);

  /** The same with every seat of the hall. */
  default ShowtimeSaleInfo saleInfo(long showtimeId) {
    return saleInfo(showtimeId, null);
  }
}
