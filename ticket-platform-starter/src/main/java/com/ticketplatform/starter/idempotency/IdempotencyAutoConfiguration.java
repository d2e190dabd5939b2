package com.ticketplatform.starter.idempotency;

import com.ticketplatform.starter.persistence.PhysicalDatabases;
import com.ticketplatform.starter.persistence.ShardedSchemaAutoConfiguration;
import com.ticketplatform.starter.retention.RetentionPurge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The platform's two Idempotency-Key stores (docs/ARCHITECTURE.md §5): {@link RedisIdempotency} in every service with
 * Redis, and {@link IdempotencyRecords} with the purge of its {@code t_idempotency} rows in a service that sets
 * {@code ticket.idempotency.records=true}. A {@link Fingerprinter} bean replaces the plain SHA-256 (the user service
 * keys it, its requests carry passwords and ID numbers).
 */
@AutoConfiguration(after = ShardedSchemaAutoConfiguration.class,
    afterName = {"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.redisson.spring.starter.RedissonAutoConfigurationV4",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "com.ticketplatform.common.CommonAutoConfiguration"})
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

  static IdempotencyProperties named(IdempotencyProperties properties, String service) {
    return properties.keyPrefix() != null ? properties : properties.withKeyPrefix(service + ":idem:");
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(StringRedisTemplate.class)
  @ConditionalOnBean(StringRedisTemplate.class)
  static class InRedis {

    @Bean
    @ConditionalOnMissingBean
    RedisIdempotency redisIdempotency(StringRedisTemplate redis, ObjectMapper json,
        ObjectProvider<Fingerprinter> fingerprinter, IdempotencyProperties properties,
        @Value("${spring.application.name}") String service) {
      return new RedisIdempotency(redis, json, fingerprinter.getIfAvailable(Fingerprinter::sha256),
          named(properties, service));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "ticket.idempotency.records", havingValue = "true")
  static class InTheDatabase {

    @Bean
    @ConditionalOnMissingBean
    IdempotencyRecords idempotencyRecords(DataSource dataSource, ObjectProvider<StringRedisTemplate> redis,
        ObjectMapper json, Clock clock, IdempotencyProperties properties,
        @Value("${spring.application.name}") String service) {
      return new IdempotencyRecords(new JdbcTemplate(dataSource), redis.getIfAvailable(), json, clock,
          named(properties, service));
    }

    /** Keys older than the retention go, on every physical database. */
    @Bean
    RetentionPurge idempotencyPurge(ObjectProvider<PhysicalDatabases> physical, DataSource dataSource,
        IdempotencyProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters) {
      PhysicalDatabases databases = physical.getIfAvailable(() -> PhysicalDatabases.single("primary", dataSource));
      return new RetentionPurge("t_idempotency", "created_at", null, properties.retention(), 1000, false,
          databases.dataSources(), clock, meters.getIfAvailable());
    }
  }
}
