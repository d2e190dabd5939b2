package com.ticketplatform.starter.outbox;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.starter.persistence.PhysicalDatabases;
import com.ticketplatform.starter.persistence.ShardedSchemaAutoConfiguration;
import com.ticketplatform.starter.retention.RetentionPurge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The one transactional outbox of the platform (docs/ARCHITECTURE.md §3), for a service that sets
 * {@code ticket.outbox.enabled=true} and has the shared {@code t_outbox} table in each physical database:
 *
 * <pre>
 * CREATE TABLE t_outbox (
 *   id           BIGINT       NOT NULL PRIMARY KEY,  -- a snowflake id; carries the aggregate's shard gene
 *   event_id     CHAR(36)     NOT NULL UNIQUE,       -- the envelope id consumers de-duplicate by
 *   topic        VARCHAR(128) NOT NULL,
 *   record_key   VARCHAR(64)  NOT NULL,              -- the Kafka key: the aggregate id
 *   event_type   VARCHAR(64)  NOT NULL,
 *   payload      MEDIUMTEXT   NOT NULL,              -- the EventEnvelope as JSON
 *   created_at   DATETIME(3)  NOT NULL,
 *   published_at DATETIME(3)  NULL,
 *   attempts     INT          NOT NULL DEFAULT 0,
 *   parked_at    DATETIME(3)  NULL,                 -- refused by Kafka for good: left for a person
 *   last_error   VARCHAR(512) NULL,                 -- optional: Kafka's last refusal of the row
 *   KEY idx_outbox_unpublished (published_at, id));
 * </pre>
 *
 * {@code last_error} is the one optional column: where a database has it, the relay writes down why Kafka refused a
 * row, and the parked-outbox admin API ({@link ParkedOutboxAutoConfiguration}) shows it.
 *
 * The writer ({@link Outbox}), the relay ({@link OutboxRelay}, with its backlog gauges per database) and the purge of
 * published rows ({@code ticket.outbox.retention}, a week) come from here; the layout is checked at start.
 */
@AutoConfiguration(after = ShardedSchemaAutoConfiguration.class,
    afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "com.ticketplatform.common.CommonAutoConfiguration$Ids"})
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnProperty(name = "ticket.outbox.enabled", havingValue = "true")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

  private static final String LAYOUT = "SELECT id, event_id, topic, record_key, event_type, payload, created_at,"
      + " published_at, attempts, parked_at FROM t_outbox WHERE 1 = 0";

  @Bean
  OutboxRelay outboxRelay(ObjectProvider<PhysicalDatabases> sharded, DataSource dataSource,
      @Value("${ticket.mysql.schema-suffix:}") String suffix, KafkaTemplate<String, String> kafka, Clock clock,
      OutboxProperties properties, ObjectProvider<MeterRegistry> meters) throws SQLException {
    PhysicalDatabases databases = sharded.getIfAvailable(() -> single(dataSource, suffix));
    for (PhysicalDatabases.Database database : databases.all()) {
      try {
        new JdbcTemplate(database.dataSource()).execute(LAYOUT);
      } catch (RuntimeException e) {
        throw new IllegalStateException("the outbox of " + database.schema() + " has not the shared t_outbox layout"
            + " (OutboxAutoConfiguration, docs/ARCHITECTURE.md §3): " + e.getMessage(), e);
      }
    }
    return new OutboxRelay(databases, kafka, clock, properties, meters.getIfAvailable());
  }

  @Bean
  Outbox outbox(DataSource dataSource, ObjectMapper json, SnowflakeIdGenerator ids, Clock clock, OutboxRelay relay) {
    return new Outbox(new JdbcTemplate(dataSource), json, ids, clock, relay);
  }

  /** Only rows that reached Kafka; a row still waiting to be published is never purged. */
  @Bean
  RetentionPurge publishedOutboxPurge(ObjectProvider<PhysicalDatabases> sharded, DataSource dataSource,
      @Value("${ticket.mysql.schema-suffix:}") String suffix, OutboxProperties properties, Clock clock,
      ObjectProvider<MeterRegistry> meters) {
    PhysicalDatabases databases = sharded.getIfAvailable(() -> single(dataSource, suffix));
    return new RetentionPurge("t_outbox", "published_at", "published_at IS NOT NULL", properties.retention(), 1000,
        false, databases.dataSources(), clock, meters.getIfAvailable());
  }

  /** A service on Boot's plain DataSource: its one schema, named as the connection reports it. */
  private static PhysicalDatabases single(DataSource dataSource, String suffix) {
    try (Connection connection = dataSource.getConnection()) {
      String schema = connection.getCatalog();
      if (schema != null && !suffix.isEmpty() && schema.endsWith(suffix)) {
        schema = schema.substring(0, schema.length() - suffix.length());
      }
      return PhysicalDatabases.single(schema, dataSource);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the outbox's database", e);
    }
  }
}
