package com.ticketplatform.order.saga;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SagaConfig {

  @Bean
  @ConditionalOnProperty(name = "ticket.order.saga", havingValue = "local", matchIfMissing = true)
  public PlaceOrderSaga orchestratedPlaceOrderSaga(PlaceOrderSteps steps) {
    return new OrchestratedPlaceOrderSaga(steps);
  }
}
