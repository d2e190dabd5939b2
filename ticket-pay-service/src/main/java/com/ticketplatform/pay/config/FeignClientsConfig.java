package com.ticketplatform.pay.config;

import com.ticketplatform.client.order.OrderClient;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/** The order service's internal contract, which reconciliation compares paid flows with. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = OrderClient.class)
class FeignClientsConfig {}
