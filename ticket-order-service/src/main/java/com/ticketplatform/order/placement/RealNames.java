package com.ticketplatform.order.placement;

import com.ticketplatform.client.user.HolderClient;
import com.ticketplatform.client.user.HolderClient.HolderIdentity;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.order.order.OrderErrors;
import com.ticketplatform.order.order.TicketHolder;
import com.ticketplatform.order.seat.SeatRefusal;
import feign.FeignException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Names the tickets of a real-name showtime (docs/ARCHITECTURE.md §12): each seat gets one of the buyer's ticket
 * holders, looked up in the user service, which keeps the ID numbers encrypted and gives out only their mask and keyed
 * hash. The per-ID cap across accounts is the saga's to enforce (LockSeats); what one order alone breaks is refused
 * here, before anything is locked.
 */
@Component
class RealNames {

  private final HolderClient holders;

  RealNames(HolderClient holders) {
    this.holders = holders;
  }

  /** One holder per seat (in the order of {@code seatIds}), or an empty list when the showtime names nobody. */
  List<TicketHolder> name(long userId, int realNameCap, List<Long> seatIds, List<Long> holderIds) {
    if (realNameCap <= 0) {
      if (holderIds != null && !holderIds.isEmpty()) {
        throw ApiException.unprocessable(OrderErrors.UNKNOWN_HOLDERS,
            "this showtime does not name ticket holders; leave holderIds out");
      }
      return List.of();
    }
    if (holderIds == null || holderIds.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, OrderErrors.HOLDERS_REQUIRED,
          "this showtime names every ticket's holder: choose one of your ticket holders for each seat",
          Map.of("realNameCap", realNameCap));
    }
    Map<Long, HolderIdentity> found = lookUp(userId, holderIds);
    List<Long> unknown = holderIds.stream().distinct().filter(id -> !found.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, OrderErrors.UNKNOWN_HOLDERS,
          "some holders are not among your ticket holders",
          Map.of("holderIds", unknown.stream().map(String::valueOf).toList()));
    }
    List<TicketHolder> named = holderIds.stream().map(found::get)
        .map(h -> new TicketHolder(h.holderId(), h.name(), h.idType(), h.idNumberMask(), h.idNumberHash()))
        .toList();
    refuseOverCapInOneOrder(named, seatIds, realNameCap);
    return named;
  }

  private Map<Long, HolderIdentity> lookUp(long userId, List<Long> holderIds) {
    try {
      return holders.holders(userId, holderIds.stream().distinct().toList()).stream()
          .collect(Collectors.toMap(HolderIdentity::holderId, Function.identity(), (a, b) -> a));
    } catch (FeignException e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "ticket holders cannot be checked right now; try again shortly");
    }
  }

  /** One person on more tickets of this one order than the cap allows: no need to ask the database. */
  private static void refuseOverCapInOneOrder(List<TicketHolder> named, List<Long> seatIds, int cap) {
    Map<String, Integer> perIdNumber = new HashMap<>();
    named.forEach(h -> perIdNumber.merge(h.idNumberHash(), 1, Integer::sum));
    List<Long> over = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      if (perIdNumber.get(named.get(i).idNumberHash()) > cap) {
        over.add(seatIds.get(i));
      }
    }
    if (!over.isEmpty()) {
      throw SeatRefusal.holderCapReached(over, cap);
    }
  }
}
