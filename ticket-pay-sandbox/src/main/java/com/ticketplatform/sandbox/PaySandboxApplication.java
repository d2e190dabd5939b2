package com.ticketplatform.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A stand-in for the OUTSIDE payment provider. It deliberately shares no code with the platform (no ticket-common):
 * the only thing the pay service and the sandbox agree on is the wire format and the signing algorithm.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaySandboxApplication {

  /** Its own config file name, so that an in-process start inside another service's JVM reads only its config. */
  public static final String CONFIG_NAME = "pay-sandbox";

  public static void main(String[] args) {
    builder().run(args);
  }

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(PaySandboxApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME);
  }

  /**
   * Starts the sandbox with extra properties (tests: {@code server.port=0}, secret, backoff...), passed as command
   * line arguments so they win over pay-sandbox.yml.
   */
  public static ConfigurableApplicationContext start(String... properties) {
    return builder().run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
  }
}
