package com.ticketplatform.starter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's MySQL/MariaDB server ({@code ticket.mysql.*} in ticket-platform.yml) and the one way a service opens a
 * schema on it: created when missing, migrated by Flyway on a plain connection, then pooled (docs/ARCHITECTURE.md §5).
 *
 * @param schemaSuffix appended to every schema name, so test runs and environments can share one server
 */
@ConfigurationProperties("ticket.mysql")
public record MysqlServer(String host, Integer port, String username, String password, String schemaSuffix) {

  private static final Pattern SCHEMA = Pattern.compile("[A-Za-z0-9_]+");

  public MysqlServer {
    host = host == null ? "127.0.0.1" : host;
    port = port == null ? 3306 : port;
    username = username == null ? "root" : username;
    password = password == null ? "" : password;
    schemaSuffix = schemaSuffix == null ? "" : schemaSuffix;
  }

  public String serverUrl() {
    return "jdbc:mariadb://" + host + ":" + port + "/";
  }

  /** The physical name of a schema in this environment. */
  public String schema(String base) {
    String schema = base + schemaSuffix;
    if (!SCHEMA.matcher(schema).matches()) {
      throw new IllegalStateException("not a safe schema name: " + schema);
    }
    return schema;
  }

  /**
   * Creates {@code base} (+ suffix) if missing, migrates it from {@code migrations} and returns a pool on it. Nothing
   * else may run DDL: the pool is opened on a schema that is already at its latest version.
   */
  public HikariDataSource openMigrated(String base, String migrations, String poolName, int poolSize)
      throws SQLException {
    String schema = schema(base);
    try (Connection c = DriverManager.getConnection(serverUrl(), username, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "` DEFAULT CHARACTER SET utf8mb4");
    }
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName(poolName);
    pool.setDriverClassName("org.mariadb.jdbc.Driver");
    pool.setJdbcUrl(serverUrl() + schema);
    pool.setUsername(username);
    pool.setPassword(password);
    pool.setMaximumPoolSize(poolSize);
    pool.setMinimumIdle(Math.min(2, poolSize));
    pool.setConnectionTimeout(10_000);
    try {
      Flyway.configure().dataSource(pool).locations(migrations).load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return pool;
  }
}
