package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.platform.smoke.LocalPlatform.App;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The gateway and every service answer health and expose their metrics, tagged for the dashboards. */
class ServicesHealthSmokeIT {

  static Stream<App> apps() {
    return LocalPlatform.APPS.stream();
  }

  @ParameterizedTest(name = "{0} is UP")
  @MethodSource("apps")
  void isHealthy(App app) throws Exception {
    HttpResponse<String> response = LocalPlatform.get(LocalPlatform.appUrl(app) + "/actuator/health");

    assertThat(response.statusCode()).as("%s health status", app).isEqualTo(200);
    assertThat(LocalPlatform.json(response).path("status").asText()).as("%s health", app).isEqualTo("UP");
  }

  @ParameterizedTest(name = "{0} exposes Prometheus metrics")
  @MethodSource("apps")
  void exposesMetricsWithServiceTag(App app) throws Exception {
    HttpResponse<String> response =
        LocalPlatform.get(LocalPlatform.metricsUrl(app) + "/actuator/prometheus", Duration.ofSeconds(10), "text/plain");

    assertThat(response.statusCode()).as("%s /actuator/prometheus", app).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
    // the `service` tag is what the Grafana dashboards and alert rules group by
    assertThat(response.body())
        .as("%s metrics carry service=\"%s\"", app, app.name())
        .contains("jvm_memory_used_bytes{")
        .contains("service=\"" + app.name() + "\"");
  }
}
