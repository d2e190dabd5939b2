package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.event.ProgramEvents;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.program.cache.CatalogueCache;
import com.ticketplatform.program.support.IntegrationTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

class CatalogueCacheIT extends IntegrationTestBase {

  @Autowired CatalogueCache cache;
  @Autowired MeterRegistry meters;
  @Autowired StringRedisTemplate redis;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EmbeddedKafkaBroker broker;
  @Value("${ticket.program.cache.eviction-group:ticket-program-cache}") String cacheGroup;

  @Test
  void anUnknownProgramIs404WithoutTouchingTheDatabase() {
    long neverCreated = 4_242_424_242L + RUN.hashCode();
    queries.reset();
    ResponseEntity<JsonNode> missing = get("/api/programs/" + neverCreated);
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(missing.getBody().get("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(get("/api/showtimes/" + neverCreated + "/seats").getStatusCode().value()).isEqualTo(404);
    assertThat(queries.catalogueStatements()).isZero();
    assertThat(cache.isCached(cache.programDetailKey(neverCreated))).isFalse();
  }

  @Test
  void aBurstOnAColdProgramLoadsItFromTheDatabaseOnce() throws Exception {
    long programId = createProgram(unique("Premiere"), "SCIFI");
    awaitEventsHandledByTheCache(programId);
    cache.evict(cache.programDetailKey(programId));
    double loadsBefore = loads();
    double hitsBefore = count("ticket.program.cache.hits");
    double missesBefore = count("ticket.program.cache.misses");
    queries.reset();

    int callers = 100;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          ResponseEntity<JsonNode> detail = get("/api/programs/" + programId);
          return detail.getStatusCode().value();
        }));
      }
      start.countDown();
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(queries.count("ProgramMapper.selectById")).isLessThanOrEqualTo(1);
    assertThat(loads() - loadsBefore).isLessThanOrEqualTo(1.0);
    // every read is a hit or a miss (the hit ratio's two series); the cold entry made at least one miss
    assertThat(count("ticket.program.cache.hits") - hitsBefore + count("ticket.program.cache.misses") - missesBefore)
        .isGreaterThanOrEqualTo(callers);
    assertThat(count("ticket.program.cache.misses") - missesBefore).isGreaterThanOrEqualTo(1.0);
    assertThat(cache.isCached(cache.programDetailKey(programId))).isTrue();
  }

  @Test
  void anAdminUpdateGoesOutOnKafkaAndTheNextReadShowsIt() throws Exception {
    long programId = createProgram(unique("Before"), "DRAMA");
    awaitEventsHandledByTheCache(programId);
    assertThat(get("/api/programs/" + programId).getBody().get("title").asText()).startsWith("Before");
    assertThat(cache.isCached(cache.programDetailKey(programId))).isTrue();

    Map<String, Object> props = KafkaTestUtils.consumerProps("probe-" + RUN + programId, "false", broker);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<String, String>(props)
        .createConsumer()) {
      broker.consumeFromAnEmbeddedTopic(consumer, Topics.PROGRAM_EVENTS);
      String newTitle = unique("After");
      ResponseEntity<JsonNode> updated = call(HttpMethod.PUT, "/api/admin/programs/" + programId,
          Map.of("title", newTitle, "category", "DRAMA", "durationMinutes", 100, "rating", "PG-13"), admin());
      assertThat(updated.getStatusCode().value()).isEqualTo(200);

      ConsumerRecord<String, String> event = awaitRecord(consumer, Long.toString(programId), "ProgramChanged");
      assertThat(event.value()).contains("\"programId\":\"" + programId + "\"");
      assertThat(get("/api/programs/" + programId).getBody().get("title").asText()).isEqualTo(newTitle);
    }
  }

  @Test
  void aProgramEventFromAnyInstanceEvictsTheCachedEntry() throws Exception {
    long programId = createProgram(unique("Stale"), "COMEDY");
    awaitEventsHandledByTheCache(programId);
    assertThat(get("/api/programs/" + programId).getBody().get("title").asText()).startsWith("Stale");
    // another instance changed it: here only the event reaches us, the local after-commit eviction did not run
    jdbc.update("UPDATE program SET title = ? WHERE id = ?", "Fresh " + RUN, programId);
    assertThat(get("/api/programs/" + programId).getBody().get("title").asText()).startsWith("Stale");

    EventEnvelope<ProgramEvents.ProgramChanged> envelope = EventEnvelope.of("ProgramChanged", Instant.now(),
        Long.toString(programId), new ProgramEvents.ProgramChanged(programId));
    kafka.send(Topics.PROGRAM_EVENTS, Long.toString(programId), json.writeValueAsString(envelope)).get();

    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (cache.isCached(cache.programDetailKey(programId)) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(get("/api/programs/" + programId).getBody().get("title").asText()).isEqualTo("Fresh " + RUN);
  }

  /**
   * A seat map's showtime layout is also kept near, in this instance's memory: a change evicted here shows at once
   * (both copies dropped); one evicted by another instance reaches only the Redis copy, so it shows once the near copy
   * expires ({@code ticket.program.cache.near-ttl}: 1 s, 3 s in these tests), not later.
   */
  @Test
  void aSeatMapsLayoutIsKeptNearAndFollowsChanges() throws Exception {
    long hallId = createHall(createCinema("Shanghai"));
    long programId = createProgram(unique("Near"), "DRAMA");
    long showtimeId = createShowtime(programId, hallId, inDays(11));
    putOnSale(showtimeId);
    awaitEventsHandledByTheCache(programId);
    String layoutKey = cache.showtimeLayoutKey(showtimeId);
    assertThat(seatMapTitle(showtimeId)).startsWith("Near");
    assertThat(cache.isCached(layoutKey)).isTrue();

    // another instance retitled the program: its eviction removed the Redis copy, not this instance's near one
    jdbc.update("UPDATE program SET title = ? WHERE id = ?", "Renamed " + RUN, programId);
    redis.delete(layoutKey);
    assertThat(seatMapTitle(showtimeId)).startsWith("Near");
    assertThat(cache.isCached(layoutKey)).as("served near, without a Redis or database read").isFalse();
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> seatMapTitle(showtimeId).equals("Renamed " + RUN));

    // a change evicted by this instance shows on the next read
    jdbc.update("UPDATE program SET title = ? WHERE id = ?", "Again " + RUN, programId);
    cache.evict(layoutKey);
    assertThat(seatMapTitle(showtimeId)).isEqualTo("Again " + RUN);
  }

  /**
   * A layout kept near exists: its seat maps do not ask the Bloom filter (a batch of Redis commands per read). Shown
   * with a filter whose bits were cleared, which answers "no" for every id: a read that asked it would be a 404.
   */
  @Test
  void aLayoutKeptNearIsServedWithoutAskingTheBloomFilter() throws Exception {
    long programId = createProgram(unique("Trusted"), "DRAMA");
    long showtimeId = createShowtime(programId, createHall(createCinema("Xi'an")), inDays(12));
    putOnSale(showtimeId);
    // the showtime's own events evict its layout, near copy included: let them pass first
    awaitEventsHandledByTheCache(programId);
    String filter = "test:program:" + RUN + ":bloom:showtime";
    byte[] bits = redis.dump(filter);
    assertThat(bits).isNotNull();
    assertThat(get("/api/showtimes/" + showtimeId + "/seats").getStatusCode().value()).isEqualTo(200);
    try {
      redis.opsForValue().set(filter, "\0".repeat(redis.opsForValue().size(filter).intValue()));

      assertThat(get("/api/showtimes/" + showtimeId + "/seats").getStatusCode().value()).isEqualTo(200);
      assertThat(get("/api/showtimes/" + showtimeId + "/availability").getStatusCode().value()).isEqualTo(200);
      // and a showtime not kept near is still unknown
      assertThat(get("/api/showtimes/" + (showtimeId + 7_777_777L) + "/seats").getStatusCode().value())
          .isEqualTo(404);
    } finally {
      redis.restore(filter, bits, 0, java.util.concurrent.TimeUnit.MILLISECONDS, true);
    }
  }

  private String seatMapTitle(long showtimeId) {
    return get("/api/showtimes/" + showtimeId + "/seats").getBody().get("programTitle").asText();
  }

  @Test
  void anOnSaleShowtimeWhoseInventoryVanishedIs503NotAllFree() {
    long hallId = createHall(createCinema("Shanghai"));
    long programId = createProgram(unique("Flushed"), "ACTION");
    long showtimeId = createShowtime(programId, hallId, inDays(9));
    putOnSale(showtimeId);
    redis.delete(SeatInventoryKeys.seats(showtimeId));

    ResponseEntity<JsonNode> seatMap = get("/api/showtimes/" + showtimeId + "/seats");
    assertThat(seatMap.getStatusCode().value()).isEqualTo(503);
    assertThat(seatMap.getBody().get("code").asText()).isEqualTo("INVENTORY_REBUILDING");
    ResponseEntity<JsonNode> availability = get("/api/showtimes/" + showtimeId + "/availability");
    assertThat(availability.getStatusCode().value()).isEqualTo(503);
    assertThat(availability.getBody().get("code").asText()).isEqualTo("INVENTORY_REBUILDING");
    // and reading it did not re-create it as "all free"
    assertThat(redis.hasKey(SeatInventoryKeys.seats(showtimeId))).isFalse();
  }

  @Test
  void programDetailListsUpcomingShowtimesWithCinemaHallAndPrices() {
    long cinemaId = createCinema("Beijing");
    long hallId = createHall(cinemaId);
    long programId = createProgram(unique("Detail"), "THEATRE");
    long showtimeId = createShowtime(programId, hallId, inDays(10));
    JsonNode detail = get("/api/programs/" + programId).getBody();
    assertThat(detail.get("cast")).hasSize(2);
    JsonNode showtime = detail.get("showtimes").get(0);
    assertThat(showtime.get("showtimeId").asLong()).isEqualTo(showtimeId);
    assertThat(showtime.get("cinemaId").asLong()).isEqualTo(cinemaId);
    assertThat(showtime.get("city").asText()).isEqualTo("Beijing");
    assertThat(showtime.get("hallName").asText()).isEqualTo("Hall 1");
    assertThat(showtime.get("status").asText()).isEqualTo("SCHEDULED");
    assertThat(showtime.get("prices").get("A").decimalValue()).isEqualByComparingTo("88.00");
    // going on sale is a showtime change: the cached detail follows
    putOnSale(showtimeId);
    assertThat(get("/api/programs/" + programId).getBody().get("showtimes").get(0).get("status").asText())
        .isEqualTo("ON_SALE");
  }

  private double count(String name) {
    var counter = meters.find(name).tag("cache", "program-detail").counter();
    return counter == null ? 0 : counter.count();
  }

  private double loads() {
    var counter = meters.find("ticket.program.cache.loads").tag("cache", "program-detail").counter();
    return counter == null ? 0 : counter.count();
  }

  /**
   * Creating a program publishes ProgramChanged, whose eviction reaches the cache later, over Kafka: wait until the
   * program's events have left the outbox and the cache's consumer group has committed past them, so that eviction
   * cannot land in the middle of what a test measures.
   */
  private void awaitEventsHandledByTheCache(long programId) throws Exception {
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM t_outbox WHERE record_key = ? AND published_at IS NULL", Integer.class,
        Long.toString(programId)) == 0);
    TopicPartition partition = new TopicPartition(Topics.PROGRAM_EVENTS, 0);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(cacheGroup)
            .partitionsToOffsetAndMetadata().get().get(partition);
        return committed != null && committed.offset() >= end;
      });
    }
  }

  private static ConsumerRecord<String, String> awaitRecord(Consumer<String, String> consumer, String key,
      String type) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        if (key.equals(record.key()) && record.value().contains("\"type\":\"" + type + "\"")) {
          return record;
        }
      }
    }
    throw new AssertionError("no " + type + " event keyed " + key + " on " + Topics.PROGRAM_EVENTS);
  }
}
