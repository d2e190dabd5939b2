package com.ticketplatform.order.config;

import com.ticketplatform.client.pay.PayClient;
import com.ticketplatform.client.program.ProgramClient;
import com.ticketplatform.client.user.HolderClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/**
 * The neighbours this service calls. Switchable so integration tests can put in-process fakes of the same
 * interfaces at the boundary (Feign clients are registered as primary beans and would shadow them).
 */
@Configuration
@ConditionalOnProperty(name = "ticket.order.remote-clients", havingValue = "true", matchIfMissing = true)
@EnableFeignClients(clients = {PayClient.class, ProgramClient.class, HolderClient.class})
public class FeignClientsConfig {}
