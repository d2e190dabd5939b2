package com.ticketplatform.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metric-name reader the dashboard and alert checks rely on: if it misses names, those checks prove nothing. */
class PromQlTest {

  @Test
  void findsTheSeriesOfAHistogramQuantileAndIgnoresLabelsFunctionsAndNumbers() {
    String expr = "histogram_quantile(0.99, sum by (service, le) (rate(http_server_requests_seconds_bucket"
        + "{service=~\"$service\", uri!~\"/actuator.*\", status=~\"5..\"}[$__rate_interval]))) > 1e-3";

    assertThat(PromQl.metricNames(expr)).containsExactly("http_server_requests_seconds_bucket");
  }

  @Test
  void findsBothSidesOfBinaryOperatorsAndSkipsKeywords() {
    String expr = "sum(increase(ticket_saga_compensations_total[5m])) > 5 and sum(rate(ticket_orders_total"
        + "{event=\"created\"}[1h] offset 5m)) / on() group_left vector(1) or up == 0 unless bool_metric";

    assertThat(PromQl.metricNames(expr))
        .containsExactlyInAnyOrder("ticket_saga_compensations_total", "ticket_orders_total", "up", "bool_metric");
  }

  @Test
  void findsABareSelectorAndNamesInsideStringsAreNotMetrics() {
    assertThat(PromQl.metricNames("ticket_outbox_pending")).containsExactly("ticket_outbox_pending");
    assertThat(PromQl.metricNames("max by (store) (ticket_outbox_pending{store=\"jvm_memory_used_bytes\"})"))
        .containsExactly("ticket_outbox_pending");
  }

  @Test
  void grafanaVariablesAndDurationsAreNotMetrics() {
    assertThat(PromQl.metricNames("rate(process_cpu_usage[${__rate_interval}]) * $factor + 60"))
        .containsExactly("process_cpu_usage");
  }
}
