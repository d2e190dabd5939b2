package com.ticketplatform.platform.deploy;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every PromQL expression the deploy files run — each dashboard panel's targets and each alert rule — and the metric
 * names in them: what the smoke tests check against a running platform's /actuator/prometheus.
 */
public final class DeployQueries {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeployQueries() {}

  /** "where" (file, panel or rule) → expression, for every dashboard target and every alert rule. */
  public static Map<String, String> all() {
    Map<String, String> queries = new LinkedHashMap<>();
    for (Path file : DeployFiles.filesUnder(DeployFiles.root().resolve("deploy/grafana/dashboards"), "json")) {
      JsonNode dashboard;
      try {
        dashboard = JSON.readTree(file.toFile());
      } catch (JacksonException e) {
        throw new AssertionError(file + " is not valid JSON", e);
      }
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          String expr = target.path("expr").asText();
          if (!expr.isBlank()) {
            queries.put(file.getFileName() + " panel \"" + panel.path("title").asText() + "\" "
                + target.path("refId").asText(), expr);
          }
        }
      }
    }
    Map<String, Object> rules = DeployFiles.yamlMap(DeployFiles.root().resolve("deploy/prometheus/alerts.yml"));
    for (Object group : DeployFiles.list(rules.get("groups"))) {
      for (Object rule : DeployFiles.list(DeployFiles.map(group).get("rules"))) {
        Map<String, Object> r = DeployFiles.map(rule);
        Object name = r.containsKey("alert") ? r.get("alert") : r.get("record");
        queries.put("alerts.yml rule " + name, String.valueOf(r.get("expr")));
      }
    }
    return queries;
  }

  public static Set<String> metricNames(String expr) {
    return PromQl.metricNames(expr);
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      out.add(panel);
      for (JsonNode nested : panel.path("panels")) {
        out.add(nested);
      }
    }
    return out;
  }
}
