package com.ticketplatform.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketplatform.common.CommonAutoConfiguration;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.json.PublicIdsModule;
import com.ticketplatform.starter.persistence.MysqlServer;
import com.ticketplatform.starter.web.CallerAutoConfiguration;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parked-outbox admin API as a service gets it from the starter (its prefix from {@code ticket.outbox.admin-path},
 * the platform's ADMIN guard and problem answers), over a real MariaDB schema and an embedded Kafka broker with the
 * relay running: what Kafka refused for good is listed newest first with the refusal, a retry puts the row back in
 * front of the relay and Kafka gets it, and everything else is a problem with a stable code.
 */
@SpringBootTest(classes = ParkedOutboxIT.App.class, properties = {
    "ticket.outbox.enabled=true",
    "ticket.outbox.admin-path=" + ParkedOutboxIT.PREFIX,
    "ticket.outbox.poll-interval=PT0.1S",
    "ticket.mysql.schema-suffix=_test",
    "spring.jmx.enabled=false"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = ParkedOutboxIT.TOPIC)
class ParkedOutboxIT {

  static final String PREFIX = "/api/admin/things";
  static final String TOPIC = "parked-outbox-it";
  static final MysqlServer MYSQL = new MysqlServer("127.0.0.1", 3306, "root", "", "_test");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() << 8);

  @SpringBootConfiguration
  @ImportAutoConfiguration({JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
      DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
      CommonAutoConfiguration.ServletProblems.class, CallerAutoConfiguration.class, OutboxAutoConfiguration.class,
      ParkedOutboxAutoConfiguration.class})
  static class App {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() throws SQLException {
      return MYSQL.openMigrated("ticket_parked_outbox_it", "classpath:db/outbox-it", "parked-outbox-it", 4);
    }

    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }

    /** Ids as strings on the wire, as every service answers them (ticket-common's CommonAutoConfiguration). */
    @Bean
    PublicIdsModule publicIdsModule() {
      return new PublicIdsModule();
    }

    @Bean
    SnowflakeIdGenerator snowflakeIdGenerator() {
      return new SnowflakeIdGenerator(Clock.systemUTC(), 11);
    }

    @Bean(destroyMethod = "destroy")
    KafkaTemplate<String, String> kafkaTemplate(@Value("${spring.embedded.kafka.brokers}") String brokers) {
      Map<String, Object> config = new HashMap<>();
      config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
      config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
      return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }
  }

  @Autowired MockMvc mvc;
  @Autowired HikariDataSource dataSource;
  @Autowired Outbox outbox;
  @Autowired OutboxRelay relay;
  @Value("${spring.embedded.kafka.brokers}") String brokers;
  JdbcTemplate jdbc;
  TransactionTemplate tx;

  record Sample(String key, int seq) {}

  record Answer(int status, String contentType, JsonNode body) {}

  @BeforeEach
  void cleanTable() {
    jdbc = new JdbcTemplate(dataSource);
    tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    jdbc.update("DELETE FROM t_outbox");
  }

  Answer call(MockHttpServletRequestBuilder request, String roles) throws Exception {
    if (roles != null) {
      request.header("X-User-Id", "7").header("X-User-Roles", roles);
    }
    MvcResult result = mvc.perform(request).andReturn();
    String body = result.getResponse().getContentAsString();
    return new Answer(result.getResponse().getStatus(), result.getResponse().getContentType(),
        body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body));
  }

  Answer list(String query) throws Exception {
    return call(MockMvcRequestBuilders.get(PREFIX + "/outbox/parked" + query), "ADMIN");
  }

  Answer retry(Object outboxId) throws Exception {
    return call(MockMvcRequestBuilders.post(PREFIX + "/outbox/parked/" + outboxId + "/retry"), "CUSTOMER,ADMIN");
  }

  /** A row as the relay leaves one it parked: refused for good, {@code attempts} times. */
  long insertParked(String key, Instant parkedAt, int attempts, String error) {
    long id = IDS.incrementAndGet();
    String eventId = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO t_outbox (id, event_id, topic, record_key, event_type, payload, created_at, attempts,"
            + " parked_at, last_error) VALUES (?, ?, ?, ?, 'Sample', ?, ?, ?, ?, ?)", id, eventId, TOPIC, key,
        "{\"id\":\"" + eventId + "\",\"type\":\"Sample\",\"key\":\"" + key + "\"}",
        Timestamp.from(parkedAt.minusSeconds(5)), attempts, Timestamp.from(parkedAt), error);
    return id;
  }

  static void assertProblem(Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("code").asString()).isEqualTo(code);
  }

  @Test
  void parkedRowsAreListedNewestFirstWithKafkasRefusal() throws Exception {
    Instant now = Instant.now();
    long older = insertParked("k-old", now.minus(Duration.ofHours(2)), 4, "RecordTooLargeException: 2 MB");
    long newer = insertParked("k-new", now.minus(Duration.ofHours(1)), 2, "RecordTooLargeException: 3 MB");
    // one the relay parks itself: Kafka refuses the topic name for good
    String refusedEventId = tx.execute(s -> outbox.append("not a topic!", "k-live", new Sample("k-live", 1)))
        .id().toString();
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM t_outbox WHERE parked_at IS NOT NULL", Long.class) == 3);

    Answer all = list("");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body().path("total").asLong()).isEqualTo(3);
    JsonNode items = all.body().path("items");
    assertThat(items).hasSize(3);
    JsonNode live = items.get(0);
    assertThat(live.path("eventUuid").asString()).isEqualTo(refusedEventId);
    assertThat(live.path("outboxId").isString()).as("ids are strings on the wire").isTrue();
    assertThat(live.path("store").asString()).isEqualTo("ticket_parked_outbox_it");
    assertThat(live.path("topic").asString()).isEqualTo("not a topic!");
    assertThat(live.path("eventKey").asString()).isEqualTo("k-live");
    assertThat(live.path("eventType").asString()).isEqualTo("Sample");
    assertThat(live.path("attempts").asInt()).isEqualTo(1);
    assertThat(live.path("lastError").asString()).contains("InvalidTopicException");
    assertThat(Instant.parse(live.path("createdAt").asString())).isBeforeOrEqualTo(
        Instant.parse(live.path("parkedAt").asString()));
    assertThat(items.get(1).path("outboxId").asString()).isEqualTo(Long.toString(newer));
    assertThat(items.get(1).path("lastError").asString()).isEqualTo("RecordTooLargeException: 3 MB");
    assertThat(items.get(2).path("outboxId").asString()).isEqualTo(Long.toString(older));
    assertThat(items.get(2).path("attempts").asInt()).isEqualTo(4);

    Answer one = list("?limit=1");
    assertThat(one.body().path("total").asLong()).as("the total counts them all").isEqualTo(3);
    assertThat(one.body().path("items")).hasSize(1);
    assertThat(list("?limit=200").body().path("items")).hasSize(3);
  }

  @Test
  void aRetriedRowIsSentByTheRelayAndASecondRetryIsAConflict() throws Exception {
    String key = "k-" + UUID.randomUUID();
    long id = insertParked(key, Instant.now(), 3, "RecordTooLargeException: the broker's limit was raised since");
    Thread.sleep(500); // several relay polls: a parked row is left alone
    assertThat(jdbc.queryForObject("SELECT published_at IS NULL FROM t_outbox WHERE id = ?", Boolean.class, id))
        .isTrue();

    Answer accepted = retry(id);

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.body().path("outboxId").asString()).isEqualTo(Long.toString(id));
    assertThat(accepted.body().path("status").asString()).isEqualTo("PENDING");
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
        "SELECT published_at IS NOT NULL FROM t_outbox WHERE id = ?", Boolean.class, id));
    assertThat(jdbc.queryForObject("SELECT attempts FROM t_outbox WHERE id = ?", Integer.class, id))
        .as("counted afresh: the one send that reached Kafka").isEqualTo(1);
    assertThat(consume(key)).hasSize(1);
    assertThat(list("").body().path("total").asLong()).isZero();

    Answer again = retry(id);
    assertProblem(again, 409, "NOT_PARKED");
    assertThat(again.body().path("status").asString()).isEqualTo("PUBLISHED");
    assertThat(consume(key)).as("asking again sent nothing").hasSize(1);
  }

  @Test
  void aRowStillWaitingForTheRelayIsNotParked() throws Exception {
    relay.stop();
    try {
      String key = "k-" + UUID.randomUUID();
      tx.executeWithoutResult(s -> outbox.append(TOPIC, key, new Sample(key, 1)));
      long id = jdbc.queryForObject("SELECT id FROM t_outbox WHERE record_key = ?", Long.class, key);

      Answer pending = retry(id);

      assertProblem(pending, 409, "NOT_PARKED");
      assertThat(pending.body().path("status").asString()).isEqualTo("PENDING");
    } finally {
      relay.start();
    }
  }

  @Test
  void anUnknownRowIsNotFound() throws Exception {
    assertProblem(retry(IDS.incrementAndGet() + 1000), 404, "NOT_FOUND");
    assertProblem(retry("not-a-number"), 400, "VALIDATION_FAILED");
  }

  @Test
  void theLimitIsValidated() throws Exception {
    for (String query : List.of("?limit=0", "?limit=201", "?limit=-3", "?limit=many")) {
      assertProblem(list(query), 400, "VALIDATION_FAILED");
    }
    assertThat(list("?limit=1").status()).isEqualTo(200);
  }

  @Test
  void onlyAnAdminMayLookOrRetry() throws Exception {
    long id = insertParked("k-guarded", Instant.now(), 1, "refused");
    assertProblem(call(MockMvcRequestBuilders.get(PREFIX + "/outbox/parked"), null), 401, "UNAUTHENTICATED");
    assertProblem(call(MockMvcRequestBuilders.get(PREFIX + "/outbox/parked"), "CUSTOMER"), 403, "FORBIDDEN");
    assertProblem(call(MockMvcRequestBuilders.post(PREFIX + "/outbox/parked/" + id + "/retry"), "CUSTOMER"), 403,
        "FORBIDDEN");
    assertThat(jdbc.queryForObject("SELECT parked_at IS NOT NULL FROM t_outbox WHERE id = ?", Boolean.class, id))
        .as("a refused retry changes nothing").isTrue();
  }

  /** The values Kafka holds under {@code key}. */
  List<String> consume(String key) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        new StringDeserializer())) {
      // the partitions themselves, read from the start: no consumer group to join
      List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
          if (key.equals(r.key())) {
            values.add(r.value());
          }
        }
        if (!values.isEmpty()) {
          // duplicates would arrive right behind
          consumer.poll(Duration.ofMillis(700)).forEach(r -> {
            if (key.equals(r.key())) {
              values.add(r.value());
            }
          });
          break;
        }
      }
    }
    return values;
  }
}
