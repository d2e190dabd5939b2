package com.ticketplatform.starter.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A service's schema behind ShardingSphere-JDBC ({@code ticket.persistence.*}); the server and credentials are the
 * platform's {@code ticket.mysql.*} ({@link MysqlServer}).
 *
 * @param schema the schema's name without the environment's suffix ({@code ticket_user}); with several databases the
 *     physical ones are {@code <schema>_0 … <schema>_<n-1>}
 * @param databases how many physical databases (1: one schema, named {@code ds} in the rules; n: {@code ds_0 …})
 * @param migrations where its Flyway migrations are ({@code classpath:db/migration/user}), run on every database
 * @param rules the ShardingSphere rules (YAML on the classpath); {@code ${SQL_SHOW}} in it becomes {@code sqlShow}
 * @param poolSize connections per physical database
 * @param warmUpSql one statement run at start-up (a parameter bound to 0): the first sharded connection loads metadata
 *     and the first statement warms the SQL parser, both slow on a cold JVM, paid at start rather than by a customer
 * @param sqlShow log every statement as ShardingSphere rewrote it (diagnosis only)
 */
@ConfigurationProperties("ticket.persistence")
public record ShardedSchemaProperties(String schema, Integer databases, String migrations, String rules,
    Integer poolSize, String warmUpSql, boolean sqlShow) {

  public ShardedSchemaProperties {
    databases = databases == null ? 1 : databases;
    poolSize = poolSize == null ? 10 : poolSize;
    if (databases < 1) {
      throw new IllegalArgumentException("ticket.persistence.databases must be at least 1");
    }
  }
}
