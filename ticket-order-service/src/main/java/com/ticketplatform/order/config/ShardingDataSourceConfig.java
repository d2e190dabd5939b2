package com.ticketplatform.order.config;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;

/**
 * The order shards: each physical database ({@code ticket_order_0}, {@code ticket_order_1} + suffix) is created if
 * missing and migrated by Flyway BEFORE the ShardingSphere data source is built over them, so the sharding layer
 * never sees a half-made schema and Boot's own Flyway never points at the logical data source.
 */
@Configuration
@EnableConfigurationProperties(MysqlProperties.class)
public class ShardingDataSourceConfig {

  private static final Logger log = LoggerFactory.getLogger(ShardingDataSourceConfig.class);
  public static final String SHARD_SCHEMA_PREFIX = "ticket_order_";
  public static final int SHARD_DATABASES = 2;

  /**
   * The physical shard databases, created and migrated; not DataSource beans (the sharded one is the only DataSource
   * the application sees), handed to what must visit every shard itself: the sharded DataSource below and the
   * retention purges.
   */
  public record ShardDatabases(Map<String, DataSource> byName) {}

  @Bean
  public ShardDatabases orderShardDatabases(MysqlProperties mysql,
      @Value("${ticket.order.shard-pool-size:20}") int poolSize) throws SQLException {
    Map<String, DataSource> shards = new LinkedHashMap<>();
    for (int i = 0; i < SHARD_DATABASES; i++) {
      String schema = SHARD_SCHEMA_PREFIX + i;
      createSchemaIfMissing(mysql, mysql.schema(schema));
      HikariDataSource shard = hikari(mysql, schema, "order-shard-" + i, poolSize);
      Flyway.configure().dataSource(shard).locations("classpath:db/migration/order")
          .baselineOnMigrate(false).load().migrate();
      shards.put("ds_" + i, shard);
    }
    return new ShardDatabases(java.util.Collections.unmodifiableMap(shards));
  }

  @Bean
  @Primary
  public DataSource dataSource(ShardDatabases databases, @Value("${ticket.order.sql-show:false}") boolean sqlShow)
      throws SQLException, IOException {
    Map<String, DataSource> shards = new LinkedHashMap<>(databases.byName());
    String yaml = new String(new ClassPathResource("sharding/order-sharding.yaml").getContentAsByteArray(),
        StandardCharsets.UTF_8).replace("${SQL_SHOW}", Boolean.toString(sqlShow));
    DataSource sharding = YamlShardingSphereDataSourceFactory.createDataSource(shards,
        yaml.getBytes(StandardCharsets.UTF_8));
    // The first sharded connection is slow (metadata load); take it now rather than inside the first saga.
    try (Connection warm = sharding.getConnection()) {
      log.info("order shards ready: {}", warm.getMetaData().getURL());
    }
    return sharding;
  }

  static HikariDataSource hikari(MysqlProperties mysql, String schema, String poolName, int poolSize) {
    HikariDataSource ds = new HikariDataSource();
    ds.setPoolName(poolName);
    ds.setDriverClassName("org.mariadb.jdbc.Driver");
    ds.setJdbcUrl(mysql.url(schema));
    ds.setUsername(mysql.username());
    ds.setPassword(mysql.password());
    ds.setMaximumPoolSize(poolSize);
    ds.setMinimumIdle(2);
    ds.setConnectionTimeout(10_000);
    return ds;
  }

  static void createSchemaIfMissing(MysqlProperties mysql, String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(mysql.serverUrl(), mysql.username(), mysql.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "` DEFAULT CHARACTER SET utf8mb4");
    }
  }
}
