package com.ticketplatform.order.web;

import com.ticketplatform.client.program.ProgramClient;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.order.order.OrderErrors;
import com.ticketplatform.order.seat.InventoryRebuilder;
import feign.FeignException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AdminInventoryController {

  private final InventoryRebuilder rebuilder;
  private final ProgramClient programs;

  public AdminInventoryController(InventoryRebuilder rebuilder, ProgramClient programs) {
    this.rebuilder = rebuilder;
    this.programs = programs;
  }

  /** Rebuilds the showtime's live seat hash from the order shards (the truth). */
  @PostMapping("/api/admin/inventory/showtimes/{showtimeId}/rebuild")
  public InventoryRebuilder.RebuildReport rebuild(
      @PathVariable long showtimeId) {
    ShowtimeSaleInfo info;
    try {
      info = programs.saleInfo(showtimeId);
    } catch (FeignException.NotFound e) {
      throw new ApiException(HttpStatus.NOT_FOUND, OrderErrors.SHOWTIME_NOT_FOUND, "showtime not found");
    }
    if (!"ON_SALE".equals(info.status())) {
      throw ApiException.unprocessable(OrderErrors.SHOWTIME_NOT_ON_SALE,
          "only the inventory of a showtime on sale is kept in Redis");
    }
    return rebuilder.rebuild(info);
  }
}
