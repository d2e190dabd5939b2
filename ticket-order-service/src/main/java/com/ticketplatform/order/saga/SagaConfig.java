package com.ticketplatform.order.saga;

import com.ticketplatform.order.order.OrderRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SagaConfig {

  @Bean
  @ConditionalOnProperty(name = "ticket.order.saga", havingValue = "local", matchIfMissing = true)
  public PlaceOrderSaga orchestratedPlaceOrderSaga(PlaceOrderSteps steps, OrderRepository orders) {
    return new OrchestratedPlaceOrderSaga(steps, orders);
  }
}
