package com.ticketplatform.platform.deploy;

import static com.ticketplatform.platform.deploy.DeployFiles.INFRASTRUCTURE;
import static com.ticketplatform.platform.deploy.DeployFiles.environment;
import static com.ticketplatform.platform.deploy.DeployFiles.list;
import static com.ticketplatform.platform.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus: every platform service is scraped, and the alert rules are well-formed and cover what the
 * platform must watch. When promtool is available (Debian package prometheus, on PATH or unpacked under .ticket/ by the
 * local stack, or named by $PROMTOOL) it also validates the config and runs the rule unit tests (alerts-test.yml);
 * without it those checks are skipped, never the structural ones.
 */
class PrometheusConfigTest {

  private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

  private final Path dir = DeployFiles.root().resolve("deploy/prometheus");
  private final Map<String, Object> config = DeployFiles.yamlMap(dir.resolve("prometheus.yml"));
  private final Map<String, Object> rules = DeployFiles.yamlMap(dir.resolve("alerts.yml"));

  @Test
  void everyComposeServiceThatIsNotInfrastructureHasAScrapeJobOnItsActuator() {
    Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
    for (Object job : list(config.get("scrape_configs"))) {
      jobs.put(String.valueOf(map(job).get("job_name")), map(job));
    }
    assertThat(jobs).hasSizeGreaterThan(1);
    SoftAssertions soft = new SoftAssertions();
    DeployFiles.composeServices().forEach((name, service) -> {
      if (INFRASTRUCTURE.contains(name)) {
        return;
      }
      Map<String, Object> job = jobs.get(name);
      soft.assertThat(job).as("scrape job %s", name).isNotNull();
      if (job == null) {
        return;
      }
      soft.assertThat(job.get("metrics_path")).as("%s metrics_path", name).isEqualTo("/actuator/prometheus");
      List<Object> staticConfigs = list(job.get("static_configs"));
      soft.assertThat(staticConfigs).as("%s static_configs", name).hasSize(1);
      Map<String, Object> target = map(staticConfigs.get(0));
      soft.assertThat(list(target.get("targets"))).as("%s targets", name)
          .containsExactly(name + ":" + environment(service).getOrDefault("MANAGEMENT_SERVER_PORT",
              environment(service).get("SERVER_PORT")));
      soft.assertThat(map(target.get("labels"))).as("%s labels", name).containsEntry("service", name);
    });
    soft.assertAll();
  }

  @Test
  void theRuleFilesItLoadsExist() {
    List<Object> ruleFiles = list(config.get("rule_files"));
    assertThat(ruleFiles).isNotEmpty();
    for (Object file : ruleFiles) {
      assertThat(dir.resolve(String.valueOf(file))).as("rule file %s beside prometheus.yml", file).isRegularFile();
    }
  }

  @Test
  void alertRulesAreWellFormed() {
    List<Object> groups = list(rules.get("groups"));
    assertThat(groups).isNotEmpty();
    SoftAssertions soft = new SoftAssertions();
    Set<String> groupNames = new HashSet<>();
    Set<String> alertNames = new HashSet<>();
    for (Object g : groups) {
      Map<String, Object> group = map(g);
      String groupName = String.valueOf(group.get("name"));
      soft.assertThat(groupNames.add(groupName)).as("group name %s unique", groupName).isTrue();
      soft.assertThat(list(group.get("rules"))).as("group %s rules", groupName).isNotEmpty();
      for (Object r : list(group.get("rules"))) {
        Map<String, Object> rule = map(r);
        String alert = String.valueOf(rule.get("alert"));
        soft.assertThat(alert).as("rule in %s: alert name", groupName).matches("[A-Z][A-Za-z0-9]+");
        soft.assertThat(alertNames.add(alert)).as("alert %s unique", alert).isTrue();
        soft.assertThat(rule.get("expr")).as("%s expr", alert).isInstanceOf(String.class);
        soft.assertThat(String.valueOf(rule.get("expr"))).as("%s expr", alert).isNotBlank();
        soft.assertThat(String.valueOf(rule.get("for"))).as("%s for", alert).matches("([0-9]+(ms|s|m|h|d|w|y))+");
        soft.assertThat(map(rule.get("labels")).get("severity")).as("%s labels.severity", alert).isIn(SEVERITIES);
        soft.assertThat(String.valueOf(map(rule.get("annotations")).get("summary")))
            .as("%s annotations.summary", alert).isNotBlank().isNotEqualTo("null");
      }
    }
    soft.assertAll();
  }

  @Test
  void theAlertsTheDesignAsksForExist() {
    Map<String, Map<String, Object>> byName = alertsByName();
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(findRule(byName, "up == 0")).as("service down: up == 0 for 1m")
        .hasValueSatisfying(r -> assertThat(r.get("for")).isEqualTo("1m"));
    soft.assertThat(findRule(byName, "http_server_requests_seconds_bucket", "histogram_quantile(0.99",
        "uri=\"/api/orders\"", "method=\"POST\"", "service=\"ticket-order-service\"")).as("p99 order creation").isPresent();
    soft.assertThat(findRule(byName, "ticket_pay_callbacks_total{outcome!~")).as("callback failure rate").isPresent();
    soft.assertThat(findRule(byName, "ticket_outbox_pending")).as("outbox lag").isPresent();
    soft.assertThat(findRule(byName, "ticket_saga_compensations_total")).as("saga compensation spike").isPresent();
    soft.assertAll();
  }

  @Test
  void everyMetricAnAlertQueriesIsDocumentedInMetricsMd() {
    Set<String> documented = DeployFiles.queryableSeries();
    SoftAssertions soft = new SoftAssertions();
    alertsByName().forEach((alert, rule) -> soft.assertThat(PromQl.metricNames(String.valueOf(rule.get("expr"))))
        .as("metrics of alert %s (add new ones to deploy/METRICS.md)", alert)
        .isNotEmpty()
        .isSubsetOf(documented));
    soft.assertAll();
  }

  @Test
  void promtoolAcceptsTheConfigAndTheRules() throws Exception {
    Path promtool = promtool().orElse(null);
    Assumptions.assumeTrue(promtool != null,
        "promtool not found (PATH, $PROMTOOL or .ticket/**/promtool; Debian package prometheus): "
            + "skipping promtool check config/rules, the YAML checks above still ran");
    assertPromtool(promtool, "check", "config", "prometheus.yml");
    assertPromtool(promtool, "check", "rules", "alerts.yml");
  }

  @Test
  void promtoolRuleUnitTestsPass() throws Exception {
    Path promtool = promtool().orElse(null);
    Assumptions.assumeTrue(promtool != null,
        "promtool not found (PATH, $PROMTOOL or .ticket/**/promtool): skipping promtool test rules alerts-test.yml");
    assertPromtool(promtool, "test", "rules", "alerts-test.yml");
  }

  private void assertPromtool(Path promtool, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(promtool.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    boolean finished = process.waitFor(2, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(finished).as("promtool %s finished", String.join(" ", args)).isTrue();
    assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), output).isZero();
  }

  private Map<String, Map<String, Object>> alertsByName() {
    Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    for (Object g : list(rules.get("groups"))) {
      for (Object r : list(map(g).get("rules"))) {
        byName.put(String.valueOf(map(r).get("alert")), map(r));
      }
    }
    return byName;
  }

  private static Optional<Map<String, Object>> findRule(Map<String, Map<String, Object>> byName, String... fragments) {
    return byName.values().stream()
        .filter(rule -> {
          String expr = String.valueOf(rule.get("expr")).replaceAll("\\s+", " ");
          return Stream.of(fragments).allMatch(expr::contains);
        })
        .findFirst();
  }

  static Optional<Path> promtool() {
    String fromEnv = System.getenv("PROMTOOL");
    if (fromEnv != null && Files.isExecutable(Path.of(fromEnv))) {
      return Optional.of(Path.of(fromEnv));
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(entry, "promtool");
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    Path state = DeployFiles.root().resolve(".ticket");
    if (Files.isDirectory(state)) {
      try (Stream<Path> s = Files.find(state, 8,
          (p, attrs) -> attrs.isRegularFile() && p.getFileName().toString().equals("promtool"))) {
        return s.filter(Files::isExecutable).findFirst();
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
