package com.ticketplatform.program.config;

import com.ticketplatform.client.order.OrderClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/**
 * The neighbour this service calls: the order service, to rebuild a seat inventory Redis has lost. Switchable, so the
 * integration tests run without a live order service.
 */
@Configuration
@ConditionalOnProperty(name = "ticket.program.remote-clients", havingValue = "true", matchIfMissing = true)
@EnableFeignClients(clients = OrderClient.class)
public class FeignClientsConfig {}
