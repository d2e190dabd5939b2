package com.ticketplatform.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.starter.persistence.MysqlServer;
import com.ticketplatform.starter.persistence.PhysicalDatabases;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared outbox against a real MariaDB schema and a real (embedded) Kafka broker: what is written commits or
 * vanishes with the change, every row reaches Kafka exactly once per relay pass and in order per key, a broker that
 * refuses leaves the rows waiting (counted, backed off) until one that answers publishes them, relays of two instances
 * take turns instead of sending a row twice, and a commit nudges the relay without waiting for the poll.
 */
class OutboxRelayIT {

  static final MysqlServer MYSQL = new MysqlServer("127.0.0.1", 3306, "root", "", "_test");
  static EmbeddedKafkaKraftBroker broker;
  static HikariDataSource dataSource;
  static JdbcTemplate jdbc;
  static TransactionTemplate tx;
  static KafkaTemplate<String, String> kafka;

  final SnowflakeIdGenerator ids = new SnowflakeIdGenerator(Clock.systemUTC(), 7);
  final Clock clock = Clock.systemUTC();
  String topic;

  @BeforeAll
  static void infrastructure() throws Exception {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    dataSource = MYSQL.openMigrated("ticket_outbox_it", "classpath:db/outbox-it", "outbox-it", 8);
    jdbc = new JdbcTemplate(dataSource);
    tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    kafka = template(broker.getBrokersAsString());
  }

  @AfterAll
  static void close() {
    kafka.destroy();
    dataSource.close();
    broker.destroy();
  }

  @BeforeEach
  void cleanTable() {
    jdbc.update("DELETE FROM t_outbox");
    topic = "outbox-it-" + UUID.randomUUID();
    broker.addTopics(topic);
  }

  static KafkaTemplate<String, String> template(String bootstrap) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
  }

  OutboxProperties properties(Duration poll) {
    return new OutboxProperties(true, poll, 50, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10),
        Duration.ofDays(7));
  }

  OutboxRelay relay(KafkaTemplate<String, String> template, Duration poll) {
    return new OutboxRelay(PhysicalDatabases.single("ticket_outbox_it", dataSource), template, clock,
        properties(poll), new SimpleMeterRegistry());
  }

  Outbox outbox(OutboxRelay relay) {
    return new Outbox(jdbc, JsonMapper.builder().build(), ids, clock, relay);
  }

  record Sample(String key, int seq) {}

  /** Appends {@code perKey} events for each key, one transaction per event, interleaving the keys. */
  Map<String, List<String>> append(Outbox outbox, List<String> keys, int perKey) {
    Map<String, List<String>> eventIds = new LinkedHashMap<>();
    for (int i = 0; i < perKey; i++) {
      for (String key : keys) {
        int seq = i;
        String id = tx.execute(s -> outbox.append(topic, key, new Sample(key, seq))).id().toString();
        eventIds.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
      }
    }
    return eventIds;
  }

  /** Everything on the topic, by key, in partition order; waits until {@code expected} records arrived. */
  Map<String, List<String>> consume(int expected) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      int seen = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
          String eventId = r.value().substring(r.value().indexOf("\"id\":\"") + 6);
          byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(eventId.substring(0, 36));
          seen++;
        }
        if (seen >= expected) {
          // a short extra look: duplicates would arrive right behind
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(700))) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add("extra:" + r.offset());
          }
          break;
        }
      }
    }
    return byKey;
  }

  long unpublished() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM t_outbox WHERE published_at IS NULL", Long.class);
  }

  @Test
  void anEventIsWrittenOnlyInsideTheTransactionOfItsChange() {
    Outbox outbox = outbox(relay(kafka, Duration.ofMinutes(1)));

    assertThatThrownBy(() -> outbox.append(topic, "k", new Sample("k", 1)))
        .isInstanceOf(IllegalTransactionStateException.class);
    tx.executeWithoutResult(s -> {
      outbox.append(topic, "k", new Sample("k", 2));
      s.setRollbackOnly();
    });

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t_outbox", Long.class)).isZero();
  }

  @Test
  void everyRowIsPublishedOnceInOrderPerKeyAndMarked() {
    OutboxRelay relay = relay(kafka, Duration.ofMinutes(1));
    Map<String, List<String>> appended = append(outbox(relay), List.of("a", "b", "c"), 40);

    relay.round();

    assertThat(unpublished()).isZero();
    assertThat(consume(120)).isEqualTo(appended);
  }

  @Test
  void whileKafkaRefusesTheRowsWaitThenAnAnsweringBrokerPublishesThem() {
    KafkaTemplate<String, String> down = template("127.0.0.1:1");
    try {
      OutboxRelay refused = relay(down, Duration.ofMinutes(1));
      Map<String, List<String>> appended = append(outbox(refused), List.of("a", "b"), 5);

      refused.round();
      refused.round(); // backing off: not tried again at once

      assertThat(unpublished()).isEqualTo(10);
      assertThat(jdbc.queryForObject("SELECT MAX(attempts) FROM t_outbox", Integer.class)).isEqualTo(1);

      relay(kafka, Duration.ofMinutes(1)).round();

      assertThat(unpublished()).isZero();
      assertThat(consume(10)).isEqualTo(appended);
    } finally {
      down.destroy();
    }
  }

  @Test
  void aRowKafkaRefusesForGoodIsParkedAndNoLongerHoldsUpTheRowsBehindIt() {
    OutboxRelay relay = relay(kafka, Duration.ofMinutes(1));
    Outbox outbox = outbox(relay);
    Map<String, List<String>> before = append(outbox, List.of("a"), 2);
    tx.executeWithoutResult(s -> outbox.append("not a topic!", "a", new Sample("a", 99)));
    Map<String, List<String>> after = append(outbox, List.of("a"), 2);

    relay.round();
    relay.round();

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t_outbox WHERE parked_at IS NOT NULL", Long.class))
        .isEqualTo(1);
    assertThat(unpublished()).as("only the parked row").isEqualTo(1);
    List<String> all = new ArrayList<>(before.get("a"));
    all.addAll(after.get("a"));
    assertThat(consume(4)).isEqualTo(Map.of("a", all));
    assertThat(OutboxRelay.retriable(new org.apache.kafka.common.errors.TimeoutException("slow"))).isTrue();
    assertThat(OutboxRelay.retriable(new org.apache.kafka.common.errors.RecordTooLargeException("big"))).isFalse();
  }

  @Test
  void eventsOfManyAggregatesWrittenInOneStatementArePublishedEachUnderItsOwnKey() {
    OutboxRelay relay = relay(kafka, Duration.ofMinutes(1));
    Outbox outbox = outbox(relay);
    Map<Long, Object> batch = new LinkedHashMap<>();
    for (long aggregate = 1; aggregate <= 5; aggregate++) {
      batch.put(aggregate, new Sample(Long.toString(aggregate), 0));
    }

    assertThatThrownBy(() -> outbox.appendAll(topic, batch)).isInstanceOf(IllegalTransactionStateException.class);
    tx.executeWithoutResult(s -> {
      outbox.appendAll(topic, batch);
      s.setRollbackOnly();
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t_outbox", Long.class)).as("rolled back with its change")
        .isZero();
    tx.executeWithoutResult(s -> outbox.appendAll(topic, batch));
    relay.round();

    assertThat(unpublished()).isZero();
    Map<String, List<String>> published = consume(5);
    assertThat(published.keySet()).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
    assertThat(published.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    assertThat(jdbc.queryForList("SELECT DISTINCT event_id FROM t_outbox", String.class)).hasSize(5);
  }

  @Test
  void relaysOfTwoInstancesTakeTurnsInsteadOfSendingARowTwice() {
    OutboxRelay first = relay(kafka, Duration.ofMinutes(1));
    OutboxRelay second = relay(kafka, Duration.ofMinutes(1));
    Map<String, List<String>> appended = append(outbox(first), List.of("a", "b", "c", "d"), 50);

    CompletableFuture.allOf(CompletableFuture.runAsync(first::round), CompletableFuture.runAsync(second::round))
        .join();

    assertThat(unpublished()).isZero();
    assertThat(consume(200)).isEqualTo(appended);
  }

  @Test
  void aCommitNudgesTheRelayWithoutWaitingForThePoll() throws Exception {
    OutboxRelay relay = relay(kafka, Duration.ofMinutes(10));
    relay.start();
    try {
      Map<String, List<String>> appended = append(outbox(relay), List.of("n"), 3);

      assertThat(consume(3)).isEqualTo(appended);
      assertThat(unpublished()).isZero();
    } finally {
      relay.stop();
    }
  }
}
