package com.ticketplatform.order.saga;

import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.order.config.MysqlProperties;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.seata.saga.engine.StateMachineEngine;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the Seata SAGA engine (docs/ARCHITECTURE.md §7.1). The engine's log lives in the unsharded {@code ticket_order_saga}
 * database through a plain MariaDB data source that MUST be named {@code seataSagaDataSource} (else the engine would
 * take the primary, sharded one).
 */
@Configuration
public class SeataSagaConfig {

  public static final String SAGA_SCHEMA = "ticket_order_saga";

  @Bean(name = "seataSagaDataSource")
  public DataSource seataSagaDataSource(MysqlProperties mysql) throws SQLException {
    String schema = mysql.schema(SAGA_SCHEMA);
    try (Connection c = DriverManager.getConnection(mysql.serverUrl(), mysql.username(), mysql.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "` DEFAULT CHARACTER SET utf8mb4");
    }
    HikariDataSource ds = new HikariDataSource();
    ds.setPoolName("order-saga-log");
    ds.setDriverClassName("org.mariadb.jdbc.Driver");
    ds.setJdbcUrl(mysql.url(SAGA_SCHEMA));
    ds.setUsername(mysql.username());
    ds.setPassword(mysql.password());
    ds.setMaximumPoolSize(10);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration/order-saga").load().migrate();
    return ds;
  }

  @Bean
  public PlaceOrderSagaActions placeOrderSagaActions(PlaceOrderSteps steps, ObjectMapper json) {
    return new PlaceOrderSagaActions(steps, json);
  }

  @Bean
  public PlaceOrderSaga seataPlaceOrderSaga(StateMachineEngine engine, PlaceOrderSagaActions actions) {
    return new SeataPlaceOrderSaga(engine, actions);
  }
}
