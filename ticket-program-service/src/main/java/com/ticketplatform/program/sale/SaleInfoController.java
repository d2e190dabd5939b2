package com.ticketplatform.program.sale;

import com.ticketplatform.client.program.ProgramClient;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import java.util.Collection;
import java.util.LinkedHashSet;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider side of {@link ProgramClient}: it implements the Feign interface, so the order service's client and
 * this endpoint cannot drift. Internal: the gateway does not route {@code /internal/**}.
 */
@RestController
@RequestMapping(ProgramClient.PATH)
class SaleInfoController implements ProgramClient {

  private final SeatMapService seatMaps;

  SaleInfoController(SeatMapService seatMaps) {
    this.seatMaps = seatMaps;
  }

  @Override
  public ShowtimeSaleInfo saleInfo(long showtimeId, Collection<Long> seatIds) {
    return seatMaps.saleInfo(showtimeId, seatIds == null ? null : new LinkedHashSet<>(seatIds));
  }
}
