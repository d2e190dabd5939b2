package com.ticketplatform.starter.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;

/**
 * The data source of a service whose schema is spread by ShardingSphere-JDBC ({@code ticket.persistence.*},
 * docs/ARCHITECTURE.md §5). Each physical database is created when missing and migrated by Flyway before the sharding
 * DataSource is built over them, so no DDL ever goes through ShardingSphere and Boot's own Flyway (off in the service's
 * application.yml) never sees the logical tables. Runs before Boot's DataSource auto-configuration, which backs off.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnProperty(name = "ticket.persistence.schema")
@EnableConfigurationProperties({ShardedSchemaProperties.class, MysqlServer.class})
public class ShardedSchemaAutoConfiguration {

  @Bean(destroyMethod = "close")
  PhysicalDatabases physicalDatabases(ShardedSchemaProperties persistence, MysqlServer mysql) throws Exception {
    List<PhysicalDatabases.Database> databases = new ArrayList<>();
    try {
      for (int i = 0; i < persistence.databases(); i++) {
        boolean one = persistence.databases() == 1;
        String schema = one ? persistence.schema() : persistence.schema() + "_" + i;
        String name = one ? "ds" : "ds_" + i;
        databases.add(new PhysicalDatabases.Database(name, schema, mysql.openMigrated(schema,
            persistence.migrations(), schema + "-ds", persistence.poolSize())));
      }
    } catch (SQLException | RuntimeException e) {
      new PhysicalDatabases(databases).close();
      throw e;
    }
    return new PhysicalDatabases(databases);
  }

  @Bean
  @Primary
  DataSource dataSource(ShardedSchemaProperties persistence, PhysicalDatabases databases)
      throws SQLException, IOException {
    String rules = new String(new ClassPathResource(persistence.rules()).getContentAsByteArray(),
        StandardCharsets.UTF_8).replace("${SQL_SHOW}", Boolean.toString(persistence.sqlShow()));
    DataSource sharding = YamlShardingSphereDataSourceFactory.createDataSource(databases.byName(),
        rules.getBytes(StandardCharsets.UTF_8));
    // the first sharded connection loads metadata: slow on a cold JVM, so paid now rather than by the first customer
    try (Connection warm = sharding.getConnection()) {
      if (persistence.warmUpSql() != null && !persistence.warmUpSql().isBlank()) {
        try (PreparedStatement statement = warm.prepareStatement(persistence.warmUpSql())) {
          statement.setLong(1, 0L);
          statement.executeQuery().close();
        }
      }
    }
    return sharding;
  }
}
