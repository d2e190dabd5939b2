package com.ticketplatform.order.support;

import com.ticketplatform.client.program.ProgramClient;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import feign.FeignException;
import feign.Request;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** In-process stand-in for the program service's sale-info endpoint (another service: the IT boundary). */
public class FakeProgramClient implements ProgramClient {

  private final Map<Long, ShowtimeSaleInfo> showtimes = new ConcurrentHashMap<>();
  /** Sale-info reads, per showtime. */
  public final Map<Long, java.util.concurrent.atomic.AtomicInteger> reads = new ConcurrentHashMap<>();

  /** A new on-sale showtime with {@code seats} seats (ids 1..n), each priced 50.00, starting in a day. */
  public ShowtimeSaleInfo onSale(int seats) {
    return onSale(seats, Instant.now().plus(Duration.ofDays(1)), 42);
  }

  /** The same, starting at {@code startsAt} in cinema {@code cinemaId}; its program id is the showtime id + 1. */
  public ShowtimeSaleInfo onSale(int seats, Instant startsAt, long cinemaId) {
    long id = ThreadLocalRandom.current().nextLong(1_000_000L, 1L << 40);
    List<ShowtimeSaleInfo.SeatPrice> list = new ArrayList<>();
    for (long s = 1; s <= seats; s++) {
      list.add(new ShowtimeSaleInfo.SeatPrice(s, "R" + ((s - 1) / 10 + 1) + "-" + ((s - 1) % 10 + 1),
          s % 2 == 0 ? "VIP" : "STD", s % 2 == 0 ? new BigDecimal("80.00") : new BigDecimal("50.00")));
    }
    ShowtimeSaleInfo info = new ShowtimeSaleInfo(id, id + 1, cinemaId, 7, "Premiere " + id, "ON_SALE", startsAt,
        "CNY", list);
    showtimes.put(id, info);
    return info;
  }

  /** A new on-sale real-name showtime: every ticket names a holder, one ID number at most {@code cap} tickets. */
  public ShowtimeSaleInfo onSaleRealNamed(int seats, int cap) {
    ShowtimeSaleInfo plain = onSale(seats);
    ShowtimeSaleInfo named = new ShowtimeSaleInfo(plain.showtimeId(), plain.programId(), plain.cinemaId(),
        plain.hallId(), plain.programTitle(), plain.status(), plain.startsAt(), plain.currency(), plain.seats(), cap);
    put(named);
    return named;
  }

  public void put(ShowtimeSaleInfo info) {
    showtimes.put(info.showtimeId(), info);
  }

  @Override
  public ShowtimeSaleInfo saleInfo(long showtimeId) {
    reads.computeIfAbsent(showtimeId, id -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
    ShowtimeSaleInfo info = showtimes.get(showtimeId);
    if (info == null) {
      Request request = Request.create(Request.HttpMethod.GET, "/internal/showtimes/" + showtimeId + "/sale-info",
          new HashMap<>(), null, StandardCharsets.UTF_8, null);
      throw new FeignException.NotFound("not found", request, null, null);
    }
    return info;
  }

  @Override
  public ShowtimeSaleInfo saleInfo(long showtimeId, Collection<Long> seatIds) {
    ShowtimeSaleInfo all = saleInfo(showtimeId);
    if (seatIds == null) {
      return all;
    }
    return all.withSeats(all.seats().stream().filter(s -> seatIds.contains(s.seatId())).toList());
  }
}
