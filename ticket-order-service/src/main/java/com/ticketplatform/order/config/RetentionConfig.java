package com.ticketplatform.order.config;

import com.ticketplatform.common.retention.RetentionPurge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order service's bounded tables (docs/ARCHITECTURE.md §9): its outbox and its consumer de-duplication table are
 * one table per shard database, so each shard is purged on its own connection (the sharded DataSource would fan a
 * {@code DELETE ... LIMIT} out to every shard and report one count). Run by ticket-common's retention schedule; the
 * shared {@code processed-events} definition is switched off in application.yml in favour of this one.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionConfig {

  /** Only events that reached Kafka; an unsent row is never purged. */
  @Bean
  RetentionPurge sentOutboxPurge(ShardingDataSourceConfig.ShardDatabases shards, Clock clock, MeterRegistry meters,
      @Value("${ticket.order.retention.outbox:P7D}") Duration retention,
      @Value("${ticket.order.retention.batch-size:1000}") int batchSize) {
    return new RetentionPurge("t_outbox", "sent_at", "sent_at IS NOT NULL", retention, batchSize, false,
        stores(shards), clock, meters);
  }

  /** Event ids kept well past Kafka's retention of the topics (ticket-platform.yml, processed-events). */
  @Bean
  RetentionPurge processedEventPurge(ShardingDataSourceConfig.ShardDatabases shards, Clock clock,
      MeterRegistry meters, @Value("${ticket.order.retention.processed-events:P14D}") Duration retention,
      @Value("${ticket.order.retention.batch-size:1000}") int batchSize) {
    return new RetentionPurge("t_processed_event", "processed_at", null, retention, batchSize, false,
        stores(shards), clock, meters);
  }

  private static List<DataSource> stores(ShardingDataSourceConfig.ShardDatabases shards) {
    return List.copyOf(shards.byName().values());
  }
}
