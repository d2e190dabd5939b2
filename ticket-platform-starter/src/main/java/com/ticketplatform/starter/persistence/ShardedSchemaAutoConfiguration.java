package com.ticketplatform.starter.persistence;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;

/**
 * The data source of a service with one physical schema ({@code ticket.persistence.schema}, docs/ARCHITECTURE.md §5).
 * Flyway migrates the physical schema (creating it when missing) before the sharding DataSource is built, so no DDL
 * ever goes through ShardingSphere, and Boot's own Flyway (off in the service's application.yml) never sees the logical
 * tables. Runs before Boot's DataSource auto-configuration, which then backs off.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnProperty(name = "ticket.persistence.schema")
@EnableConfigurationProperties(ShardedSchemaProperties.class)
public class ShardedSchemaAutoConfiguration {

  @Bean
  @Primary
  DataSource dataSource(ShardedSchemaProperties persistence, @Value("${ticket.mysql.host}") String host,
      @Value("${ticket.mysql.port}") int port, @Value("${ticket.mysql.username}") String username,
      @Value("${ticket.mysql.password:}") String password, @Value("${ticket.mysql.schema-suffix:}") String suffix)
      throws SQLException, IOException {
    String schema = persistence.schema() + suffix;
    String server = "jdbc:mariadb://" + host + ":" + port + "/";
    Flyway.configure()
        .dataSource(server, username, password)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations(persistence.migrations())
        .load()
        .migrate();

    HikariConfig pool = new HikariConfig();
    pool.setPoolName(persistence.schema() + "-ds");
    pool.setDriverClassName("org.mariadb.jdbc.Driver");
    pool.setJdbcUrl(server + schema);
    pool.setUsername(username);
    pool.setPassword(password);
    pool.setMaximumPoolSize(persistence.poolSize());
    pool.setMinimumIdle(1);
    pool.setConnectionTimeout(5_000);
    HikariDataSource physical = new HikariDataSource(pool);
    try (InputStream rules = new ClassPathResource(persistence.rules()).getInputStream()) {
      DataSource sharding = YamlShardingSphereDataSourceFactory.createDataSource(Map.of("ds", physical),
          rules.readAllBytes());
      if (persistence.warmUpSql() != null && !persistence.warmUpSql().isBlank()) {
        try (Connection warm = sharding.getConnection();
            PreparedStatement statement = warm.prepareStatement(persistence.warmUpSql())) {
          statement.setLong(1, 0L);
          statement.executeQuery().close();
        }
      }
      return sharding;
    } catch (SQLException | IOException | RuntimeException e) {
      physical.close();
      throw e;
    }
  }
}
