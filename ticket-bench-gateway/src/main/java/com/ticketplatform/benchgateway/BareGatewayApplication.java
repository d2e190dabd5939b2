package com.ticketplatform.benchgateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway with the one route of application.yml: what the framework alone costs per routed request on
 * this machine, measured by {@code ./ticket ceiling} beside the platform's gateway (docs/ARCHITECTURE.md §7.2).
 */
@SpringBootApplication
public class BareGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareGatewayApplication.class, args);
  }
}
