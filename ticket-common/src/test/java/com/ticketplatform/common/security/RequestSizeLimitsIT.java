package com.ticketplatform.common.security;

import com.ticketplatform.common.test.LocalHttp;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A service's own request line and header limits over real HTTP on Tomcat, with the platform's shared settings
 * (ticket-platform.yml, where Tomcat's own limit is raised to the backstop): 414 and 431 problems, never Tomcat's 400.
 */
@SpringBootTest(classes = InternalAuthIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.import=optional:classpath:ticket-platform.yml",
        "ticket.internal-auth.secret=q8Vd2-LmN4x-7Rt0p-test", "ticket.security.dev-secrets-allowed=true",
        "spring.application.name=test-service"})
class RequestSizeLimitsIT {

  @LocalServerPort
  int port;

  HttpResponse<String> get(String path, String... headers) throws Exception {
    return LocalHttp.get(port, path, headers);
  }

  static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(response.body()).contains("\"code\":\"" + code + "\"").contains("\"status\":" + status);
  }

  @Test
  void anOversizedHeaderIsA431Problem() throws Exception {
    assertProblem(get("/api/whoami", "Idempotency-Key", "k".repeat(10_000)), 431,
        "REQUEST_HEADER_FIELDS_TOO_LARGE");
    // each header within its limit, all of them together over 16 KiB
    String[] many = new String[6];
    for (int i = 0; i < many.length; i += 2) {
      many[i] = "X-Padding-" + i;
      many[i + 1] = "p".repeat(7_000);
    }
    assertProblem(get("/api/whoami", many), 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
  }

  @Test
  void anOversizedUriIsA414Problem() throws Exception {
    assertProblem(get("/api/whoami?q=" + "a".repeat(10_000)), 414, "URI_TOO_LONG");
    assertProblem(get("/api/" + "b".repeat(10_000)), 414, "URI_TOO_LONG");
  }

  @Test
  void aRequestWithinTheLimitsIsServed() throws Exception {
    HttpResponse<String> response = get("/api/whoami?q=" + "a".repeat(4_000), "Idempotency-Key", "k".repeat(6_000));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"user\":\"null\"");
  }
}
