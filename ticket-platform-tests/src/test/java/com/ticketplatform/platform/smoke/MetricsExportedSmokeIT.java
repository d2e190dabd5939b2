package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.platform.deploy.DeployQueries;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric a Grafana panel or an alert rule queries is really exported by the running platform — checked against
 * the services' own /actuator/prometheus after a purchase, so the business series exist. The deploy tests check the
 * names against deploy/METRICS.md; this checks METRICS.md's promise against the code.
 */
class MetricsExportedSmokeIT {

  /** Series Prometheus writes itself for every scrape target. */
  private static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

  private static final Set<String> exported = new TreeSet<>(SYNTHETIC);

  @BeforeAll
  static void purchaseThenScrapeEverything() throws Exception {
    PurchaseSteps.buyAndPay(1);
    for (LocalPlatform.App app : LocalPlatform.APPS) {
      exported.addAll(Scrape.of(app).names());
    }
  }

  @Test
  void everyMetricInADashboardOrAnAlertRuleIsExported() {
    Map<String, String> queries = DeployQueries.all();
    assertThat(queries).hasSizeGreaterThan(20);
    SoftAssertions soft = new SoftAssertions();
    queries.forEach((where, expr) -> {
      Set<String> wanted = DeployQueries.metricNames(expr);
      soft.assertThat(wanted).as("%s: %s", where, expr).isNotEmpty();
      Set<String> missing = new TreeSet<>(wanted);
      missing.removeAll(exported);
      soft.assertThat(missing).as("%s queries series no service exports: %s", where, expr).isEmpty();
    });
    soft.assertAll();
  }

  @Test
  void kafkaClientMetricsAreExported() {
    assertThat(exported).contains("kafka_consumer_fetch_manager_records_lag_max", "kafka_producer_record_send_total");
  }
}
