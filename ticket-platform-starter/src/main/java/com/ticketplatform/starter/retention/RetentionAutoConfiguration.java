package com.ticketplatform.starter.retention;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import com.ticketplatform.starter.persistence.PhysicalDatabases;
import com.ticketplatform.starter.persistence.ShardedSchemaAutoConfiguration;

/**
 * The retention purges of a service (docs/ARCHITECTURE.md §9), from {@code ticket.retention.purges.<name>}: table,
 * time-column, condition, retention, batch-size (1000), data-source (a bean name), if-table-exists, enabled. Without a
 * data-source a purge visits every physical database of the service ({@link PhysicalDatabases}: each shard database on
 * its own connection, since a {@code DELETE … LIMIT} through ShardingSphere would fan out and report one count), or
 * the primary DataSource of a service without a sharding layer. ticket-platform.yml defines the consumer
 * de-duplication purge every service with a {@code t_processed_event} table gets. {@link RetentionPurge} beans run
 * on the same schedule ({@code ticket.retention.interval}, 10 minutes); {@code ticket.retention.enabled=false}
 * switches all off.
 */
@AutoConfiguration(after = ShardedSchemaAutoConfiguration.class,
    afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "com.ticketplatform.common.CommonAutoConfiguration"})
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(name = "ticket.retention.enabled", havingValue = "true", matchIfMissing = true)
public class RetentionAutoConfiguration {

  /** One {@code ticket.retention.purges.<name>} entry. */
  public record Definition(String table, String timeColumn, String condition, Duration retention, Integer batchSize,
      String dataSource, boolean ifTableExists, Boolean enabled) {}

  @Bean(initMethod = "start", destroyMethod = "stop")
  RetentionSchedule retentionSchedule(Environment environment, BeanFactory beans,
      ObjectProvider<RetentionPurge> declared, ObjectProvider<PhysicalDatabases> physical, Clock clock,
      ObjectProvider<MeterRegistry> meters) {
    Map<String, Definition> definitions = Binder.get(environment)
        .bind("ticket.retention.purges", Bindable.mapOf(String.class, Definition.class)).orElse(Map.of());
    MeterRegistry registry = meters.getIfAvailable();
    List<RetentionPurge> purges = new ArrayList<>();
    definitions.forEach((name, d) -> {
      if (Boolean.FALSE.equals(d.enabled())) {
        return;
      }
      if (d.table() == null || d.timeColumn() == null || d.retention() == null) {
        throw new IllegalStateException("ticket.retention.purges." + name + " needs table, time-column and retention");
      }
      List<DataSource> stores = d.dataSource() != null ? List.of(beans.getBean(d.dataSource(), DataSource.class))
          : physical.getIfAvailable() != null ? physical.getObject().dataSources()
          : List.of(beans.getBean(DataSource.class));
      purges.add(new RetentionPurge(d.table(), d.timeColumn(), d.condition(), d.retention(),
          d.batchSize() == null ? 1000 : d.batchSize(), d.ifTableExists(), stores, clock, registry));
    });
    declared.orderedStream().forEach(purges::add);
    Duration interval = environment.getProperty("ticket.retention.interval", Duration.class, Duration.ofMinutes(10));
    Duration initialDelay = environment.getProperty("ticket.retention.initial-delay", Duration.class,
        Duration.ofMinutes(1));
    return new RetentionSchedule(purges, interval, initialDelay);
  }
}
