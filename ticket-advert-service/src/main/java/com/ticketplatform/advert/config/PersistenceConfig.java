package com.ticketplatform.advert.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.flywaydb.core.Flyway;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;

/**
 * The service's one physical schema ({@code ticket_advert} + suffix) behind ShardingSphere-JDBC. Flyway migrates the
 * physical schema (creating it when missing) before the sharding DataSource is built, so no DDL ever goes through
 * ShardingSphere and Boot's own Flyway (disabled in application.yml) never sees the logical tables.
 */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackages = "com.ticketplatform.advert", annotationClass = org.apache.ibatis.annotations.Mapper.class)
class PersistenceConfig {

  static final String SCHEMA = "ticket_advert";
  static final String RULES = "sharding/advert-sharding.yaml";

  @Bean
  @Primary
  DataSource dataSource(@Value("${ticket.mysql.host}") String host, @Value("${ticket.mysql.port}") int port,
      @Value("${ticket.mysql.username}") String username, @Value("${ticket.mysql.password:}") String password,
      @Value("${ticket.mysql.schema-suffix:}") String suffix,
      @Value("${ticket.advert.db.pool-size:10}") int poolSize) throws SQLException, IOException {
    String schema = SCHEMA + suffix;
    String server = "jdbc:mariadb://" + host + ":" + port + "/";
    Flyway.configure()
        .dataSource(server, username, password)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations("classpath:db/migration/advert")
        .load()
        .migrate();

    HikariConfig pool = new HikariConfig();
    pool.setPoolName("ticket-advert-ds");
    pool.setDriverClassName("org.mariadb.jdbc.Driver");
    pool.setJdbcUrl(server + schema);
    pool.setUsername(username);
    pool.setPassword(password);
    pool.setMaximumPoolSize(poolSize);
    pool.setMinimumIdle(1);
    pool.setConnectionTimeout(5_000);
    HikariDataSource physical = new HikariDataSource(pool);
    try (InputStream rules = new ClassPathResource(RULES).getInputStream()) {
      DataSource sharding = YamlShardingSphereDataSourceFactory.createDataSource(Map.of("ds", physical),
          rules.readAllBytes());
      // The first sharded connection loads metadata and the first statements warm the SQL parser (both slow on a
      // cold JVM); pay for that at start-up rather than in the first customer's request.
      try (Connection warm = sharding.getConnection();
          PreparedStatement select = warm.prepareStatement("SELECT hits FROM t_user_interest WHERE user_id = ?")) {
        select.setLong(1, 0L);
        select.executeQuery().close();
        return sharding;
      }
    } catch (SQLException | IOException | RuntimeException e) {
      physical.close();
      throw e;
    }
  }
}
