package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.order.seat.InventoryWatchdog;
import com.ticketplatform.order.support.OrderServiceITBase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InventoryRebuildIT extends OrderServiceITBase {

  @Autowired
  InventoryWatchdog watchdog;

  @Test
  void lostSeatHashIsRebuiltFromTheOrdersAndNoSeatIsSoldTwice() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long holder = randomUser();
    Response first = placeOrder(holder, UUID.randomUUID().toString(), show.showtimeId(), 1L, 2L);
    assertThat(first.status()).isEqualTo(201);
    String orderNo = first.body().path("orderNo").asText();

    // Redis loses the showtime (restart / flush)
    redis.delete(List.of(SeatInventoryKeys.seats(show.showtimeId()), SeatInventoryKeys.holdings(show.showtimeId())));

    // the watchdog puts it back from the order shards
    assertThat(watchdog.checkAll()).isGreaterThanOrEqualTo(1);
    assertThat(seat(show.showtimeId(), 1)).isEqualTo("L:" + orderNo + ":" + holder);
    assertThat(seat(show.showtimeId(), 3)).isEqualTo("A");
    assertThat(redis.opsForHash().get(SeatInventoryKeys.holdings(show.showtimeId()), Long.toString(holder)))
        .isEqualTo("2");

    Response taken = placeOrder(randomUser(), UUID.randomUUID().toString(), show.showtimeId(), 2L, 3L);
    assertThat(taken.status()).isEqualTo(409);

    // lost again; this time the next purchase attempt triggers the rebuild itself (never "all free")
    redis.delete(SeatInventoryKeys.seats(show.showtimeId()));
    assertThat(placeOrder(randomUser(), UUID.randomUUID().toString(), show.showtimeId(), 1L).status())
        .isEqualTo(409);
    assertThat(placeOrder(randomUser(), UUID.randomUUID().toString(), show.showtimeId(), 4L).status())
        .isEqualTo(201);
  }

  @Test
  void adminRebuildNeedsTheAdminRoleAndRepairsDrift() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long holder = randomUser();
    Response placed = placeOrder(holder, UUID.randomUUID().toString(), show.showtimeId(), 5L);
    String orderNo = placed.body().path("orderNo").asText();
    // drift: the locked seat shows as free, a seat no order holds shows as sold
    redis.opsForHash().put(SeatInventoryKeys.seats(show.showtimeId()), "5", "A");
    redis.opsForHash().put(SeatInventoryKeys.seats(show.showtimeId()), "6", "S:1:1");

    String path = "/api/admin/inventory/showtimes/" + show.showtimeId() + "/rebuild";
    assertThat(call("POST", path, 1L, null, null).status()).isEqualTo(403);
    HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("X-User-Id", "1").header("X-User-Roles", "CUSTOMER,ADMIN")
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(json.readTree(ok.body()).path("changed").asLong()).isEqualTo(2);
    assertThat(seat(show.showtimeId(), 5)).isEqualTo("L:" + orderNo + ":" + holder);
    assertThat(seat(show.showtimeId(), 6)).isEqualTo("A");
  }
}
