package com.ticketplatform.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * ticket-common's logback-spring.xml with the shared ticket-platform.yml: a plain line with [traceId,spanId] by
 * default, one JSON object per line (MDC included) under the prod profile.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatIT {

  @SpringBootConfiguration
  static class NothingElse {}

  private static void logWithTrace(String message, String... profiles) {
    try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(NothingElse.class)
        .web(WebApplicationType.NONE)
        .profiles(profiles)
        .properties("spring.application.name=log-probe", "spring.config.import=classpath:ticket-platform.yml")
        .run()) {
      MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
      MDC.put("spanId", "00f067aa0ba902b7");
      try {
        LoggerFactory.getLogger("probe").info(message);
      } finally {
        MDC.clear();
      }
    }
  }

  @Test
  void theDefaultLineCarriesTheTraceAndSpanIds(CapturedOutput output) {
    logWithTrace("plain probe");
    String line = output.getOut().lines().filter(l -> l.contains("plain probe")).findFirst().orElseThrow();
    assertThat(line).contains("INFO [4bf92f3577b34da6a3ce929d0e0e4736,00f067aa0ba902b7]").doesNotStartWith("{");
  }

  @Test
  void theProdProfileWritesOneJsonObjectPerLine(CapturedOutput output) throws Exception {
    logWithTrace("json probe", "prod");
    String line = output.getOut().lines().filter(l -> l.contains("json probe")).findFirst().orElseThrow();
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("message").asText()).isEqualTo("json probe");
    assertThat(json.path("level").asText()).isEqualTo("INFO");
    assertThat(json.path("service").asText()).isEqualTo("log-probe");
    assertThat(json.path("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(json.path("spanId").asText()).isEqualTo("00f067aa0ba902b7");
    assertThat(json.path("@timestamp").asText()).isNotBlank();
  }
}
