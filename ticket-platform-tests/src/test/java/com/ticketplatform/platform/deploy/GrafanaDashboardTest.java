package com.ticketplatform.platform.deploy;

import tools.jackson.core.JacksonException;
import static com.ticketplatform.platform.deploy.DeployFiles.environment;
import static com.ticketplatform.platform.deploy.DeployFiles.list;
import static com.ticketplatform.platform.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * deploy/grafana: the provisioned dashboards load (valid JSON with uid, title, panels), every panel queries the
 * provisioned Prometheus datasource, and every metric a panel asks for is one deploy/METRICS.md promises, so a
 * dashboard cannot silently show "No data" because of a misspelt or unexported name.
 */
class GrafanaDashboardTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path grafana = DeployFiles.root().resolve("deploy/grafana");
  private final Map<String, JsonNode> dashboards = loadDashboards();

  private Map<String, JsonNode> loadDashboards() {
    Map<String, JsonNode> loaded = new LinkedHashMap<>();
    for (Path file : DeployFiles.filesUnder(grafana.resolve("dashboards"), "json")) {
      try {
        loaded.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
      } catch (JacksonException e) {
        throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
      }
    }
    return loaded;
  }

  @Test
  void everyDashboardHasAUniqueUidATitleAndPanels() {
    assertThat(dashboards).isNotEmpty();
    SoftAssertions soft = new SoftAssertions();
    Set<String> uids = new HashSet<>();
    dashboards.forEach((file, dashboard) -> {
      String uid = dashboard.path("uid").asText();
      soft.assertThat(uid).as("%s uid", file).isNotBlank().hasSizeLessThanOrEqualTo(40);
      soft.assertThat(uids.add(uid)).as("%s uid %s unique", file, uid).isTrue();
      soft.assertThat(dashboard.path("title").asText()).as("%s title", file).isNotBlank();
      soft.assertThat(dashboard.path("panels").isArray() && !dashboard.path("panels").isEmpty())
          .as("%s panels", file).isTrue();
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : allPanels(dashboard)) {
        soft.assertThat(ids.add(panel.path("id").asInt(-1))).as("%s panel id %s unique", file, panel.path("id"))
            .isTrue();
      }
    });
    soft.assertAll();
  }

  @Test
  void everyPanelQueriesTheProvisionedDatasource() {
    Set<String> datasourceUids = provisionedDatasourceUids();
    assertThat(datasourceUids).isNotEmpty();
    SoftAssertions soft = new SoftAssertions();
    dashboards.forEach((file, dashboard) -> {
      for (JsonNode panel : queryPanels(dashboard)) {
        String where = file + " panel \"" + panel.path("title").asText() + "\"";
        soft.assertThat(panel.path("datasource").path("uid").asText()).as("%s datasource", where)
            .isIn(datasourceUids);
        soft.assertThat(panel.path("targets").isArray() && !panel.path("targets").isEmpty())
            .as("%s targets", where).isTrue();
        for (JsonNode target : panel.path("targets")) {
          soft.assertThat(target.path("expr").asText()).as("%s target expr", where).isNotBlank();
          soft.assertThat(target.path("refId").asText()).as("%s target refId", where).isNotBlank();
          if (target.has("datasource")) {
            soft.assertThat(target.path("datasource").path("uid").asText()).as("%s target datasource", where)
                .isIn(datasourceUids);
          }
        }
      }
    });
    soft.assertAll();
  }

  @Test
  void everyMetricAPanelQueriesIsDocumentedInMetricsMd() {
    Set<String> documented = DeployFiles.queryableSeries();
    assertThat(documented).contains("ticket_orders_total", "http_server_requests_seconds_bucket");
    SoftAssertions soft = new SoftAssertions();
    dashboards.forEach((file, dashboard) -> {
      for (JsonNode panel : queryPanels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          String expr = target.path("expr").asText();
          soft.assertThat(PromQl.metricNames(expr))
              .as("%s panel \"%s\" expr %s (add new metrics to deploy/METRICS.md)", file,
                  panel.path("title").asText(), expr)
              .isNotEmpty()
              .isSubsetOf(documented);
        }
      }
    });
    soft.assertAll();
  }

  @Test
  void thePlatformOverviewShowsHealthTrafficErrorsLatencyAndHeap() {
    String exprs = expressionsOf(dashboardTitled("Platform overview"));
    assertThat(exprs)
        .contains("up{")
        .contains("rate(http_server_requests_seconds_count")
        .contains("status=~\"5..\"")
        .contains("histogram_quantile(0.95")
        .contains("histogram_quantile(0.99")
        .contains("http_server_requests_seconds_bucket")
        .contains("jvm_memory_used_bytes")
        .contains("area=\"heap\"");
  }

  @Test
  void thePurchaseFunnelFollowsAnOrderFromSeatLockToPayment() {
    String exprs = expressionsOf(dashboardTitled("Purchase funnel"));
    assertThat(exprs)
        .contains("ticket_orders_total")
        .contains("event=\"created\"")
        .contains("event=\"paid\"")
        .contains("ticket_seats_total")
        .contains("sum by (outcome) (rate(ticket_pay_callbacks_total")
        .contains("ticket_saga_compensations_total")
        .contains("ticket_outbox_pending");
  }

  @Test
  void panelsStayInsideTheGridAndDoNotOverlap() {
    SoftAssertions soft = new SoftAssertions();
    dashboards.forEach((file, dashboard) -> {
      List<int[]> boxes = new ArrayList<>();
      for (JsonNode panel : allPanels(dashboard)) {
        JsonNode pos = panel.path("gridPos");
        int[] box = {pos.path("x").asInt(), pos.path("y").asInt(), pos.path("w").asInt(), pos.path("h").asInt()};
        soft.assertThat(box[2] > 0 && box[3] > 0 && box[0] >= 0 && box[0] + box[2] <= 24)
            .as("%s panel \"%s\" gridPos %s", file, panel.path("title").asText(), pos).isTrue();
        for (int[] other : boxes) {
          boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
              && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
          soft.assertThat(overlap).as("%s panel \"%s\" overlaps another", file, panel.path("title").asText())
              .isFalse();
        }
        boxes.add(box);
      }
    });
    soft.assertAll();
  }

  @Test
  void grafanaInComposeLoadsTheseFiles() {
    Map<String, Object> service = DeployFiles.composeServices().get("grafana");
    List<String> volumes = list(service.get("volumes")).stream().map(String::valueOf).toList();
    assertThat(volumes).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
    String dashboardsMount = volumes.stream().filter(v -> v.startsWith("./deploy/grafana/dashboards:")).findFirst()
        .orElseThrow(() -> new AssertionError("grafana does not mount deploy/grafana/dashboards"));
    String mountedAt = dashboardsMount.split(":")[1];

    List<Path> providers = DeployFiles.filesUnder(grafana.resolve("provisioning/dashboards"), "yml", "yaml");
    assertThat(providers).isNotEmpty();
    Set<String> providerPaths = new LinkedHashSet<>();
    for (Path file : providers) {
      for (Object provider : list(DeployFiles.yamlMap(file).get("providers"))) {
        providerPaths.add(String.valueOf(map(map(provider).get("options")).get("path")));
      }
    }
    assertThat(providerPaths).containsExactly(mountedAt);

    String home = environment(service).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
    if (home != null) {
      assertThat(home).startsWith(mountedAt + "/");
      assertThat(dashboards).containsKey(home.substring(mountedAt.length() + 1));
    }
    for (Path file : DeployFiles.filesUnder(grafana.resolve("provisioning/datasources"), "yml", "yaml")) {
      for (Object ds : list(DeployFiles.yamlMap(file).get("datasources"))) {
        assertThat(String.valueOf(map(ds).get("url"))).as("datasource url").isEqualTo("http://prometheus:9090");
      }
    }
  }

  private Set<String> provisionedDatasourceUids() {
    Set<String> uids = new LinkedHashSet<>();
    for (Path file : DeployFiles.filesUnder(grafana.resolve("provisioning/datasources"), "yml", "yaml")) {
      for (Object ds : list(DeployFiles.yamlMap(file).get("datasources"))) {
        uids.add(String.valueOf(map(ds).get("uid")));
      }
    }
    return uids;
  }

  private JsonNode dashboardTitled(String title) {
    return dashboards.values().stream().filter(d -> d.path("title").asText().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no dashboard titled " + title));
  }

  private static String expressionsOf(JsonNode dashboard) {
    StringBuilder all = new StringBuilder();
    for (JsonNode panel : queryPanels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        all.append(target.path("expr").asText()).append('\n');
      }
    }
    return all.toString();
  }

  /** Every panel, rows and panels nested in collapsed rows included. */
  private static List<JsonNode> allPanels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      for (JsonNode nested : panel.path("panels")) {
        panels.add(nested);
      }
    }
    return panels;
  }

  /** Panels that show data (rows and text panels query nothing). */
  private static List<JsonNode> queryPanels(JsonNode dashboard) {
    return allPanels(dashboard).stream()
        .filter(p -> !Set.of("row", "text").contains(p.path("type").asText()))
        .toList();
  }
}
