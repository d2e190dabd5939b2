package com.ticketplatform.user.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;

/**
 * The service's one physical schema ({@code ticket_user} + suffix) behind ShardingSphere-JDBC. Flyway migrates the
 * physical schema (creating it when missing) before the sharding DataSource exists, so nothing ever runs DDL through
 * ShardingSphere and Boot's own Flyway (disabled in application.yml) never sees the logical tables.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfig {

  static final String SCHEMA = "ticket_user";
  static final String RULES = "sharding/user-sharding.yaml";

  @Bean
  @Primary
  DataSource dataSource(@Value("${ticket.mysql.host}") String host, @Value("${ticket.mysql.port}") int port,
      @Value("${ticket.mysql.username}") String username, @Value("${ticket.mysql.password:}") String password,
      @Value("${ticket.mysql.schema-suffix:}") String suffix,
      @Value("${ticket.user.db.pool-size:10}") int poolSize) throws SQLException, IOException {
    String schema = SCHEMA + suffix;
    String server = "jdbc:mariadb://" + host + ":" + port + "/";
    Flyway.configure()
        .dataSource(server, username, password)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations("classpath:db/migration/user")
        .load()
        .migrate();

    HikariConfig pool = new HikariConfig();
    pool.setPoolName("ticket-user-ds");
    pool.setJdbcUrl(server + schema);
    pool.setUsername(username);
    pool.setPassword(password);
    pool.setMaximumPoolSize(poolSize);
    pool.setConnectionTimeout(5_000);
    HikariDataSource physical = new HikariDataSource(pool);
    try (InputStream rules = new ClassPathResource(RULES).getInputStream()) {
      return YamlShardingSphereDataSourceFactory.createDataSource(Map.of("ds", physical), rules.readAllBytes());
    } catch (SQLException | IOException | RuntimeException e) {
      physical.close();
      throw e;
    }
  }
}
