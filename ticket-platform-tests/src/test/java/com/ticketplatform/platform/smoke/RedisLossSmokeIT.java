package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Redis restarts empty (it keeps nothing on disk here): a showtime's seat map must come back by itself, with every
 * seat as it was, also for a showtime no one has ordered from yet (docs/ARCHITECTURE.md §8).
 */
class RedisLossSmokeIT {

  static String redisUri() {
    return "redis://" + LocalPlatform.host() + ":" + LocalPlatform.setting("ticket.redis.port", "REDIS_PORT", "6379");
  }

  @Test
  void aSeatMapWhoseInventoryRedisLostIsRebuiltOnItsNextRead() throws Exception {
    long showtime = PurchaseSteps.upcomingOnSaleShowtime();
    Map<Long, String> before = PurchaseSteps.seats(showtime).stream()
        .collect(Collectors.toMap(PurchaseSteps.Seat::seatId, PurchaseSteps.Seat::status));

    RedisClient client = RedisClient.create(redisUri());
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      long removed = redis.sync().del("ticket:inv:{" + showtime + "}:seats", "ticket:inv:{" + showtime + "}:holdings");
      assertThat(removed).isPositive();
    } finally {
      client.shutdown();
    }

    Map<Long, String> after = PurchaseSteps.seats(showtime).stream() // 200, not 503 INVENTORY_REBUILDING
        .collect(Collectors.toMap(PurchaseSteps.Seat::seatId, PurchaseSteps.Seat::status));
    assertThat(after).isEqualTo(before);
  }
}
