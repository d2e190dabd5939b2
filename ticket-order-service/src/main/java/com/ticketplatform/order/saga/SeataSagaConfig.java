package com.ticketplatform.order.saga;

import com.ticketplatform.starter.persistence.MysqlServer;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import org.apache.seata.saga.engine.StateMachineEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/**
 * Wiring of the Seata SAGA engine (docs/ARCHITECTURE.md §7.1). The engine's log lives in the unsharded {@code ticket_order_saga}
 * database through a plain MariaDB data source that MUST be named {@code seataSagaDataSource} (else the engine would
 * take the primary, sharded one).
 */
@Configuration
public class SeataSagaConfig {

  public static final String SAGA_SCHEMA = "ticket_order_saga";

  @Bean(name = "seataSagaDataSource", destroyMethod = "close")
  public HikariDataSource seataSagaDataSource(MysqlServer mysql) throws SQLException {
    return mysql.openMigrated(SAGA_SCHEMA, "classpath:db/migration/order-saga", "order-saga-log", 10);
  }

  @Bean
  public PlaceOrderSagaActions placeOrderSagaActions(PlaceOrderSteps steps, PlaceOrdersSteps together,
      ObjectMapper json) {
    return new PlaceOrderSagaActions(steps, together, json);
  }

  @Bean
  public PlaceOrderSaga seataPlaceOrderSaga(StateMachineEngine engine, PlaceOrderSagaActions actions,
      PlaceOrdersSteps together, SagaRecovery log) {
    return new SeataPlaceOrderSaga(engine, actions, together, log);
  }
}
