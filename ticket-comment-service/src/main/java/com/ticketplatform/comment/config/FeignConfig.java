package com.ticketplatform.comment.config;

import com.ticketplatform.client.order.OrderClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/**
 * The order service's Feign client. Switchable so an integration test can put an in-process fake of the same
 * interface in its place (Feign clients are registered as primary beans and could not be overridden otherwise).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ticket.comment.feign-clients.enabled", havingValue = "true", matchIfMissing = true)
@EnableFeignClients(clients = OrderClient.class)
class FeignConfig {}
