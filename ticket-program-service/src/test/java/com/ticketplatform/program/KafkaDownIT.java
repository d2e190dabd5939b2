package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import com.ticketplatform.common.web.AuthHeaders;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service must start and serve, admin writes included, while Kafka is unreachable; the outbox keeps the events.
 * Its own schema: the other ITs' cached context (Kafka up) polls its outbox and would publish these events itself.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ticket.mysql.schema-suffix=_test_kafka_down",
    "ticket.demo.enabled=false",
    "spring.kafka.bootstrap-servers=127.0.0.1:1",
    "ticket.program.cache.bloom-expected-insertions=20000",
    "ticket.program.cache.key-prefix=test:program:kafka-down:"})
class KafkaDownIT {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void servesAndRecordsEventsForLaterWhileKafkaIsDown() {
    http.getRestTemplate().setRequestFactory(new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()));
    HttpHeaders admin = new HttpHeaders();
    admin.setContentType(MediaType.APPLICATION_JSON);
    admin.set(AuthHeaders.USER_ID, "1");
    admin.set(AuthHeaders.USER_ROLES, "ADMIN");
    String title = "Offline " + UUID.randomUUID();
    ResponseEntity<JsonNode> created = http.exchange("/api/admin/programs", HttpMethod.POST, new HttpEntity<>(
        Map.of("title", title, "category", "DRAMA", "durationMinutes", 90, "rating", "PG", "cast", List.of()),
        admin), JsonNode.class);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    long programId = created.getBody().get("programId").asLong();

    assertThat(http.getForObject("/api/programs/" + programId, JsonNode.class).get("title").asText())
        .isEqualTo(title);
    Integer unpublished = jdbc.queryForObject(
        "SELECT COUNT(*) FROM t_outbox WHERE record_key = ? AND published_at IS NULL", Integer.class,
        Long.toString(programId));
    assertThat(unpublished).isEqualTo(1);
    assertThat(http.getForObject("/actuator/health", JsonNode.class).get("status").asText()).isEqualTo("UP");
  }
}
