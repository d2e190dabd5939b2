package com.ticketplatform.platform.deploy;

import static com.ticketplatform.platform.deploy.DeployFiles.EXPECTED_PORTS;
import static com.ticketplatform.platform.deploy.DeployFiles.INFRASTRUCTURE;
import static com.ticketplatform.platform.deploy.DeployFiles.at;
import static com.ticketplatform.platform.deploy.DeployFiles.composeServices;
import static com.ticketplatform.platform.deploy.DeployFiles.containerPorts;
import static com.ticketplatform.platform.deploy.DeployFiles.dependsOn;
import static com.ticketplatform.platform.deploy.DeployFiles.environment;
import static com.ticketplatform.platform.deploy.DeployFiles.healthcheckCommand;
import static com.ticketplatform.platform.deploy.DeployFiles.list;
import static com.ticketplatform.platform.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ticketplatform.platform.deploy.DeployFiles.ServiceModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked against the repository it deploys: every
 * runnable module has a service built from it, on the docs/ARCHITECTURE.md §1 port, healthy before its dependants start, configured
 * only through variables its configuration actually reads.
 */
class ComposeFileTest {

  /** Variable → the infrastructure service it points at, which must be healthy before the service starts. */
  private static final Map<String, String> INFRA_VARIABLES = Map.of(
      "MYSQL_HOST", "mysql",
      "REDIS_HOST", "redis",
      "KAFKA_BOOTSTRAP", "kafka",
      "NACOS_ADDR", "nacos",
      "SEATA_ADDR", "seata",
      "ELASTICSEARCH_URIS", "elasticsearch");

  private static final Pattern HOST_PORT = Pattern.compile("(?:^|//|,)([a-z][a-z0-9-]*):(\\d+)");

  private final Map<String, Map<String, Object>> services = composeServices();

  @Test
  void theRootPomsRunnableModulesAreExactlyThePortTableOfTheDesign() {
    assertThat(DeployFiles.serviceModules()).extracting(ServiceModule::name)
        .containsExactlyInAnyOrderElementsOf(EXPECTED_PORTS.keySet());
  }

  @Test
  void everyRunnableModuleIsAComposeServiceBuiltFromThatModule() {
    SoftAssertions soft = new SoftAssertions();
    for (ServiceModule module : DeployFiles.serviceModules()) {
      Map<String, Object> service = services.get(module.name());
      soft.assertThat(service).as("compose service %s", module.name()).isNotNull();
      if (service == null) {
        continue;
      }
      Map<String, Object> build = map(service.get("build"));
      soft.assertThat(build.get("context")).as("%s build context", module.name()).isEqualTo(".");
      soft.assertThat(build.getOrDefault("dockerfile", "Dockerfile")).as("%s dockerfile", module.name())
          .isEqualTo("Dockerfile");
      soft.assertThat(map(build.get("args")).get("MODULE")).as("%s build arg MODULE", module.name())
          .isEqualTo(module.name());
    }
    soft.assertAll();
  }

  @Test
  void everyServiceListensOnItsDesignPortAndComposeAgrees() {
    SoftAssertions soft = new SoftAssertions();
    for (ServiceModule module : DeployFiles.serviceModules()) {
      int expected = EXPECTED_PORTS.get(module.name());
      soft.assertThat(module.serverPortDefault()).as("%s server.port default ${SERVER_PORT:...}", module.name())
          .contains(expected);
      Map<String, Object> service = services.getOrDefault(module.name(), Map.of());
      soft.assertThat(environment(service).get("SERVER_PORT")).as("%s SERVER_PORT", module.name())
          .isEqualTo(String.valueOf(expected));
      soft.assertThat(containerPorts(service)).as("%s exposed/published container ports", module.name())
          .containsExactly(expected);
      soft.assertThat(healthcheckCommand(service)).as("%s healthcheck", module.name())
          .contains("127.0.0.1:" + expected + "/actuator/health");
    }
    soft.assertAll();
  }

  @Test
  void everyServiceWaitsForTheInfrastructureItIsPointedAtToBeHealthy() {
    SoftAssertions soft = new SoftAssertions();
    for (ServiceModule module : DeployFiles.serviceModules()) {
      Map<String, Object> service = services.getOrDefault(module.name(), Map.of());
      Map<String, String> env = environment(service);
      Map<String, String> deps = dependsOn(service);
      INFRA_VARIABLES.forEach((variable, infra) -> {
        if (env.containsKey(variable)) {
          soft.assertThat(deps.get(infra)).as("%s sets %s: depends_on %s", module.name(), variable, infra)
              .isEqualTo("service_healthy");
        }
      });
    }
    soft.assertAll();
  }

  @Test
  void theServicesThatShareThePlatformConfigUseNacos() {
    SoftAssertions soft = new SoftAssertions();
    for (ServiceModule module : DeployFiles.serviceModules()) {
      if (!module.environmentVariablesRead().contains("NACOS_ENABLED")) {
        continue; // the pay sandbox: an outside provider, not a platform service
      }
      Map<String, String> env = environment(services.getOrDefault(module.name(), Map.of()));
      soft.assertThat(env.get("NACOS_ENABLED")).as("%s NACOS_ENABLED", module.name()).isEqualTo("true");
      soft.assertThat(env.get("NACOS_ADDR")).as("%s NACOS_ADDR", module.name()).isEqualTo("nacos:8848");
    }
    soft.assertAll();
  }

  @TestFactory
  Stream<DynamicTest> everyVariableComposeSetsIsReadByTheService() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ServiceModule module : DeployFiles.serviceModules()) {
      Set<String> read = module.environmentVariablesRead();
      for (String variable : environment(services.getOrDefault(module.name(), Map.of())).keySet()) {
        tests.add(DynamicTest.dynamicTest(module.name() + " reads " + variable, () -> {
          assertTrue(read.contains(variable), () -> module.name() + ": compose sets " + variable
              + " but neither its config nor ticket-platform.yml reads ${" + variable + "}; it reads " + read);
        }));
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  @Test
  void everyHostAndPortAServiceIsGivenNamesAComposeServiceOnThePortItListensOn() {
    SoftAssertions soft = new SoftAssertions();
    Map<String, Integer> infraPorts = Map.of("mysql", 3306, "redis", 6379, "kafka", 9092, "nacos", 8848,
        "seata", 8091, "elasticsearch", 9200, "jaeger", 4318);
    for (ServiceModule module : DeployFiles.serviceModules()) {
      environment(services.getOrDefault(module.name(), Map.of())).forEach((variable, value) -> {
        Matcher m = HOST_PORT.matcher(value);
        while (m.find()) {
          String host = m.group(1);
          int port = Integer.parseInt(m.group(2));
          if (host.equals("localhost")) {
            continue; // a URL for the customer's browser on the host (PAY_SANDBOX_PUBLIC_URL)
          }
          soft.assertThat(services).as("%s %s=%s: host %s", module.name(), variable, value, host).containsKey(host);
          Integer expected = EXPECTED_PORTS.containsKey(host) ? EXPECTED_PORTS.get(host) : infraPorts.get(host);
          soft.assertThat(port).as("%s %s=%s: port of %s", module.name(), variable, value, host).isEqualTo(expected);
        }
      });
      Map<String, String> env = environment(services.getOrDefault(module.name(), Map.of()));
      for (String hostVariable : List.of("MYSQL_HOST", "REDIS_HOST")) {
        if (env.containsKey(hostVariable)) {
          soft.assertThat(services).as("%s %s", module.name(), hostVariable).containsKey(env.get(hostVariable));
        }
      }
    }
    soft.assertAll();
  }

  /** Secrets compose reads from the user's .env; none may have a default that anyone reading this file knows. */
  private static final List<String> SECRETS = List.of("MYSQL_ROOT_PASSWORD", "PAY_PROVIDER_SECRET",
      "GRAFANA_ADMIN_PASSWORD", "TICKET_INTERNAL_SECRET", "TICKET_KEY_ENCRYPTION_KEYS", "SEATA_CONSOLE_PASSWORD",
      "SEATA_SECURITY_SECRET");

  @Test
  void composeWithoutItsSecretsFailsFastAndShipsNoneOfThem() throws Exception {
    String compose = DeployFiles.read(DeployFiles.root().resolve("docker-compose.yml"));
    String example = DeployFiles.read(DeployFiles.root().resolve(".env.example"));
    SoftAssertions soft = new SoftAssertions();
    for (String secret : SECRETS) {
      Matcher uses = Pattern.compile("\\$\\{" + secret + "(?<op>[^}]*)}").matcher(compose);
      int count = 0;
      while (uses.find()) {
        count++;
        soft.assertThat(uses.group("op")).as("%s is required (${%s:?message}), never defaulted", secret, secret)
            .startsWith(":?");
      }
      soft.assertThat(count).as("compose uses %s", secret).isPositive();
      soft.assertThat(example).as(".env.example names %s, without a value", secret).contains("\n" + secret + "=\n");
    }
    for (String published : List.of("dev-sandbox-secret-change-me", "Admin#2026", "Demo#2026",
        "NTBiIvZXAlOb5QKD16CQ2jnrMrNQ", "SeataSecretKey0c382ef1")) {
      soft.assertThat(compose).as("compose carries no published secret").doesNotContain(published);
    }
    String seata = DeployFiles.read(DeployFiles.root().resolve("deploy/seata/application.yml"));
    soft.assertThat(seata).as("the Seata console has no published login or token key")
        .doesNotContain("SeataSecretKey0c382ef1").doesNotContainPattern("password:\\s*seata\\s");
    soft.assertThat(environment(services.get("ticket-user-service"))).as("no demo accounts in compose")
        .doesNotContainKey("TICKET_DEMO_ENABLED").doesNotContainKey("SPRING_PROFILES_ACTIVE");
    soft.assertAll();
  }

  @Test
  void servicesAndInfrastructureAgreeOnSharedSettings() {
    Map<String, String> mysql = environment(services.get("mysql"));
    Map<String, String> kafka = environment(services.get("kafka"));
    Map<String, String> pay = environment(services.get("ticket-pay-service"));
    Map<String, String> sandbox = environment(services.get("ticket-pay-sandbox"));
    SoftAssertions soft = new SoftAssertions();
    for (ServiceModule module : DeployFiles.serviceModules()) {
      Map<String, String> env = environment(services.getOrDefault(module.name(), Map.of()));
      if (env.containsKey("MYSQL_PASSWORD")) {
        soft.assertThat(env.get("MYSQL_USER")).as("%s MYSQL_USER", module.name()).isEqualTo("root");
        soft.assertThat(env.get("MYSQL_PASSWORD")).as("%s MYSQL_PASSWORD", module.name())
            .isEqualTo(mysql.get("MYSQL_ROOT_PASSWORD"));
      }
      if (env.containsKey("KAFKA_BOOTSTRAP")) {
        soft.assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).as("kafka advertises %s's bootstrap", module.name())
            .contains("//" + env.get("KAFKA_BOOTSTRAP"));
      }
    }
    soft.assertThat(pay.get("PAY_PROVIDER_SECRET")).as("pay service and sandbox share the HMAC secret")
        .isNotBlank().isEqualTo(sandbox.get("PAY_PROVIDER_SECRET"));
    soft.assertThat(pay.get("PAY_PROVIDER_URL")).isEqualTo("http://ticket-pay-sandbox:8090");
    // the provider calls us back through the only public entry, which must route /pay/**
    soft.assertThat(pay.get("PAY_CALLBACK_URL")).isEqualTo("http://ticket-gateway:8080/pay/callback");
    soft.assertThat(pay.get("PAY_CALLBACK_URL"))
        .as("the sandbox posts to the pay service's callback URL, and only there").matches(sandbox.get("PAY_SANDBOX_NOTIFY_URL_PATTERN"));
    soft.assertThat(DeployFiles.read(DeployFiles.root().resolve("ticket-gateway/src/main/resources/application.yml")))
        .as("gateway routes /pay/**").contains("/pay/**");
    Map<String, Object> seataConfig = DeployFiles.yamlMap(DeployFiles.root().resolve("deploy/seata/application.yml"));
    soft.assertThat(at(seataConfig, "seata", "server", "service-port")).as("seata TC port").contains(8091);
    soft.assertThat(at(seataConfig, "seata", "store", "mode")).as("seata store").contains("file");
    soft.assertThat(environment(services.get("ticket-order-service")))
        .containsEntry("SEATA_ADDR", "seata:8091")
        .containsEntry("SEATA_ENABLED", "true");
    soft.assertThat(environment(services.get("ticket-program-service")).get("ELASTICSEARCH_URIS"))
        .isEqualTo("http://elasticsearch:9200");
    soft.assertAll();
  }

  /** The storefront the Dockerfile builds into the gateway's image is what the gateway serves (docs/ARCHITECTURE.md §10). */
  @Test
  void theGatewayServesTheStorefrontItsImageCarries() {
    String inImage = DockerfileTest.storefrontPathInImage();
    Map<String, Object> gateway = services.get("ticket-gateway");
    assertThat(environment(gateway).get("TICKET_GATEWAY_WEB_ROOT")).as("the gateway's web root")
        .isEqualTo("file:" + inImage + "/");
    assertThat(map(map(gateway.get("build")).get("args")).get("MODULE"))
        .as("the image built with the storefront in it").isEqualTo("ticket-gateway");
    // the variable binds the property StorefrontConfig is switched on by
    assertThat(at(DeployFiles.yamlMap(DeployFiles.root().resolve("ticket-gateway/src/main/resources/application.yml")),
        "ticket", "gateway", "web-root")).contains("${TICKET_GATEWAY_WEB_ROOT:}");
    assertThat(DeployFiles.read(DeployFiles.root().resolve(
        "ticket-gateway/src/main/java/com/ticketplatform/gateway/storefront/StorefrontConfig.java")))
        .contains("${ticket.gateway.web-root");
    // the other images carry no storefront, so no other service is pointed at one
    services.forEach((name, service) -> {
      if (!name.equals("ticket-gateway")) {
        assertThat(environment(service)).as(name).doesNotContainKey("TICKET_GATEWAY_WEB_ROOT");
      }
    });
  }

  @Test
  void theInfrastructureTheServicesNeedIsThereAndHealthChecked() {
    SoftAssertions soft = new SoftAssertions();
    for (String infra : INFRASTRUCTURE) {
      Map<String, Object> service = services.get(infra);
      soft.assertThat(service).as("compose service %s", infra).isNotNull();
      if (service != null) {
        soft.assertThat(healthcheckCommand(service)).as("%s healthcheck", infra).isNotBlank();
        soft.assertThat(map(service.get("healthcheck")).get("disable")).as("%s healthcheck disabled", infra)
            .isNotEqualTo(true);
      }
    }
    Map<String, Object> mysql = services.get("mysql");
    soft.assertThat(list(mysql.get("command"))).as("mysql command").contains("--max-connections=1000");
    soft.assertThat(environment(mysql)).as("mysql root password").containsKey("MYSQL_ROOT_PASSWORD");
    soft.assertThat(environment(services.get("elasticsearch")))
        .containsEntry("discovery.type", "single-node")
        .containsEntry("xpack.security.enabled", "false");
    soft.assertThat(environment(services.get("nacos"))).containsEntry("MODE", "standalone");
    soft.assertThat(environment(services.get("kafka"))).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
    soft.assertAll();
  }

  @Test
  void everyServiceHasAHealthcheck() {
    SoftAssertions soft = new SoftAssertions();
    services.forEach((name, service) ->
        soft.assertThat(healthcheckCommand(service)).as("%s healthcheck", name).startsWith("CMD"));
    soft.assertAll();
  }

  @Test
  void everyImageIsPinnedToAVersionTag() {
    SoftAssertions soft = new SoftAssertions();
    services.forEach((name, service) -> {
      Object image = service.get("image");
      // built services name their image too: otherwise compose tags it :latest
      soft.assertThat(image).as("%s image", name).isNotNull();
      if (image != null) {
        String ref = String.valueOf(image);
        String lastSegment = ref.substring(ref.lastIndexOf('/') + 1);
        soft.assertThat(lastSegment).as("%s image %s has a tag", name, ref).contains(":");
        String tag = lastSegment.substring(lastSegment.indexOf(':') + 1);
        soft.assertThat(tag).as("%s image tag", name).isNotEqualTo("latest").doesNotContain(":-latest}");
      }
    });
    soft.assertAll();
  }

  @Test
  void infrastructurePortsArePublishedOnLoopbackOnly() {
    SoftAssertions soft = new SoftAssertions();
    for (String infra : INFRASTRUCTURE) {
      for (Object port : list(services.getOrDefault(infra, Map.of()).get("ports"))) {
        soft.assertThat(String.valueOf(port)).as("%s port %s", infra, port).startsWith("127.0.0.1:");
      }
    }
    soft.assertAll();
  }

  @Test
  void everyFileComposeMountsFromTheRepositoryExists() {
    SoftAssertions soft = new SoftAssertions();
    services.forEach((name, service) -> {
      for (Object volume : list(service.get("volumes"))) {
        String spec = String.valueOf(volume);
        if (spec.startsWith("./")) {
          String source = spec.substring(0, spec.indexOf(':'));
          soft.assertThat(Files.exists(DeployFiles.root().resolve(source))).as("%s mounts %s", name, source).isTrue();
        }
      }
    });
    soft.assertAll();
  }

  @Test
  void theMysqlInitScriptsCreateNoServiceSchema() {
    List<Path> scripts = DeployFiles.filesUnder(DeployFiles.root().resolve("deploy/mysql/init"), "sql", "sh");
    assertThat(scripts).isNotEmpty();
    for (Path script : scripts) {
      assertThat(DeployFiles.read(script).toUpperCase())
          .as("%s: services create their own schemas with Flyway", script.getFileName())
          .doesNotContain("CREATE DATABASE").doesNotContain("CREATE SCHEMA").doesNotContain("CREATE TABLE");
    }
  }
}
