package com.ticketplatform.starter.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A service's one physical schema behind ShardingSphere-JDBC ({@code ticket.persistence.*}); the server and
 * credentials are the platform's {@code ticket.mysql.*}.
 *
 * @param schema the schema's name without the environment's suffix ({@code ticket_user})
 * @param migrations where its Flyway migrations are ({@code classpath:db/migration/user})
 * @param rules the ShardingSphere rules (YAML on the classpath; the data source in them is named {@code ds})
 * @param poolSize connections to the schema
 * @param warmUpSql one statement run at start-up (a parameter bound to 0): the first sharded connection loads metadata
 *     and the first statement warms the SQL parser, both slow on a cold JVM, paid at start rather than by a customer
 */
@ConfigurationProperties("ticket.persistence")
public record ShardedSchemaProperties(String schema, String migrations, String rules, Integer poolSize,
    String warmUpSql) {

  public ShardedSchemaProperties {
    poolSize = poolSize == null ? 10 : poolSize;
  }
}
