package com.ticketplatform.platform.deploy;

import com.ticketplatform.platform.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the repository's deployment files and module layout for the deployment tests. Everything is derived from the
 * files themselves (root pom modules, module poms, application config), so a new service shows up without editing
 * the tests; the ports come from deploy/ports, the one table ./ticket reads too ({@link #EXPECTED_PORTS}).
 */
final class DeployFiles {

  /** Compose services that are infrastructure (not built from this repository, not scraped at /actuator). */
  static final Set<String> INFRASTRUCTURE =
      Set.of("mysql", "redis", "kafka", "nacos", "seata", "elasticsearch", "prometheus", "grafana", "jaeger",
          "mailpit");

  private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
  private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
  private static final Pattern SERVER_PORT_DEFAULT = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");

  private DeployFiles() {}

  /** The files do not change during a test run: parse each once. */
  private static final Map<String, Object> CACHE = new java.util.HashMap<>();

  /** The applications' ports from deploy/ports, the table ./ticket starts them on (docs/ARCHITECTURE.md §1). */
  static final Map<String, Integer> EXPECTED_PORTS = Ports.applications(root());

  /** Not computeIfAbsent: loaders call each other (compose → root), which that method forbids. */
  @SuppressWarnings("unchecked")
  private static synchronized <T> T cached(String key, java.util.function.Supplier<T> load) {
    Object value = CACHE.get(key);
    if (value == null) {
      value = load.get();
      CACHE.put(key, value);
    }
    return (T) value;
  }

  static Path root() {
    return cached("root", DeployFiles::findRoot);
  }

  private static Path findRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      if (Files.isRegularFile(pom) && read(pom).contains("<module>ticket-platform-tests</module>")) {
        return p;
      }
    }
    throw new IllegalStateException("repository root (pom.xml listing ticket-platform-tests) not found above " + dir);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    // docker-compose.yml shares its fragments through anchors; the default limit (50) is for untrusted input
    options.setMaxAliasesForCollections(1000);
    return new Yaml(options);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yamlMap(Path file) {
    Object doc = yaml().load(read(file));
    if (!(doc instanceof Map)) {
      throw new AssertionError(file + " is not a YAML mapping");
    }
    return (Map<String, Object>) doc;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }

  /** Walks a nested map along dotted keys; empty when a step is missing. */
  static Optional<Object> at(Map<String, Object> map, String... keys) {
    Object cur = map;
    for (String k : keys) {
      if (!(cur instanceof Map<?, ?> m) || !m.containsKey(k)) {
        return Optional.empty();
      }
      cur = m.get(k);
    }
    return Optional.ofNullable(cur);
  }

  static List<String> rootModules() {
    Matcher m = MODULE.matcher(read(root().resolve("pom.xml")));
    List<String> modules = new ArrayList<>();
    while (m.find()) {
      modules.add(m.group(1));
    }
    return modules;
  }

  /** A module that ships a runnable Spring Boot application: its pom repackages with spring-boot-maven-plugin. */
  static List<ServiceModule> serviceModules() {
    return cached("serviceModules", DeployFiles::findServiceModules);
  }

  private static List<ServiceModule> findServiceModules() {
    List<ServiceModule> services = new ArrayList<>();
    for (String module : rootModules()) {
      Path dir = root().resolve(module);
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>spring-boot-maven-plugin</artifactId>")) {
        services.add(new ServiceModule(module, dir));
      }
    }
    return List.copyOf(services);
  }

  /** One runnable module and the configuration it reads. */
  record ServiceModule(String name, Path dir) {

    Path resources() {
      return dir.resolve("src/main/resources");
    }

    /** Config files directly in src/main/resources (application.yml, or e.g. pay-sandbox.yml). */
    List<Path> topLevelConfigFiles() {
      if (!Files.isDirectory(resources())) {
        return List.of();
      }
      try (Stream<Path> s = Files.list(resources())) {
        return s.filter(p -> p.toString().matches(".*\\.(ya?ml|properties)$")).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The default of {@code server.port: ${SERVER_PORT:nnnn}} in its top-level config, if any. */
    Optional<Integer> serverPortDefault() {
      for (Path file : topLevelConfigFiles()) {
        if (!file.toString().matches(".*\\.ya?ml$")) {
          continue;
        }
        for (Object doc : yaml().loadAll(read(file))) {
          if (doc instanceof Map<?, ?> m) {
            Optional<Object> port = at(map(m), "server", "port");
            if (port.isPresent()) {
              Matcher matcher = SERVER_PORT_DEFAULT.matcher(String.valueOf(port.get()));
              if (matcher.matches()) {
                return Optional.of(Integer.parseInt(matcher.group(1)));
              }
            }
          }
        }
      }
      return Optional.empty();
    }

    /**
     * Every environment variable the service reads through a {@code ${VAR...}} placeholder: in its own resources
     * (any depth) and Java sources, plus ticket-common's ticket-platform.yml when its config imports that file.
     */
    Set<String> environmentVariablesRead() {
      Set<String> vars = new LinkedHashSet<>();
      boolean importsPlatformConfig = false;
      for (Path file : filesUnder(resources(), "yml", "yaml", "properties", "json", "xml")) {
        String text = read(file);
        importsPlatformConfig |= text.contains("ticket-platform.yml");
        vars.addAll(placeholders(text));
      }
      for (Path file : filesUnder(dir.resolve("src/main/java"), "java")) {
        vars.addAll(placeholders(read(file)));
      }
      if (importsPlatformConfig) {
        vars.addAll(placeholders(read(platformConfig())));
        vars.addAll(PLATFORM_RELAXED_VARIABLES);
      }
      return vars;
    }
  }

  /**
   * Variables every platform service reads through Spring Boot's relaxed binding rather than a placeholder: the
   * property must stay unset unless the variable is (ticket-platform.yml explains each).
   */
  static final Set<String> PLATFORM_RELAXED_VARIABLES = Set.of("MANAGEMENT_OTLP_TRACING_ENDPOINT");

  static Path platformConfig() {
    return root().resolve("ticket-common/src/main/resources/ticket-platform.yml");
  }

  static Set<String> placeholders(String text) {
    Set<String> vars = new LinkedHashSet<>();
    Matcher m = ENV_PLACEHOLDER.matcher(text);
    while (m.find()) {
      vars.add(m.group(1));
    }
    return vars;
  }

  static List<Path> filesUnder(Path dir, String... extensions) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> {
            String name = p.getFileName().toString();
            for (String ext : extensions) {
              if (name.endsWith("." + ext)) {
                return true;
              }
            }
            return false;
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // docker-compose.yml
  // ---------------------------------------------------------------------------------------------------------------

  static Path composeFile() {
    return root().resolve("docker-compose.yml");
  }

  static Map<String, Object> compose() {
    return yamlMap(composeFile());
  }

  static Map<String, Map<String, Object>> composeServices() {
    return cached("composeServices", () -> {
      Map<String, Map<String, Object>> services = new LinkedHashMap<>();
      map(compose().get("services")).forEach((name, def) -> services.put(name, map(def)));
      return java.util.Collections.unmodifiableMap(services);
    });
  }

  /** A service's environment as a name→string map, whether written as a mapping or as a list of NAME=value. */
  static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new TreeMap<>();
    Object raw = service.get("environment");
    if (raw instanceof Map<?, ?> m) {
      m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else if (raw instanceof Collection<?> c) {
      for (Object item : c) {
        String s = String.valueOf(item);
        int eq = s.indexOf('=');
        env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
      }
    }
    return env;
  }

  /** Service name → condition, for both the short (list) and the long (mapping) depends_on syntax. */
  static Map<String, String> dependsOn(Map<String, Object> service) {
    Map<String, String> deps = new LinkedHashMap<>();
    Object raw = service.get("depends_on");
    if (raw instanceof Map<?, ?> m) {
      m.forEach((k, v) -> deps.put(String.valueOf(k),
          String.valueOf(map(v).getOrDefault("condition", "service_started"))));
    } else if (raw instanceof Collection<?> c) {
      c.forEach(k -> deps.put(String.valueOf(k), "service_started"));
    }
    return deps;
  }

  /** Container-side ports of {@code ports:} (short syntax, any host/ip prefix) and {@code expose:}. */
  static Set<Integer> containerPorts(Map<String, Object> service) {
    Set<Integer> ports = new LinkedHashSet<>();
    for (Object p : list(service.get("ports"))) {
      if (p instanceof Map<?, ?> m) {
        ports.add(Integer.parseInt(String.valueOf(m.get("target"))));
      } else {
        String s = String.valueOf(p).replaceAll("/(tcp|udp)$", "");
        ports.add(Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)));
      }
    }
    for (Object p : list(service.get("expose"))) {
      ports.add(Integer.parseInt(String.valueOf(p).replaceAll("/(tcp|udp)$", "")));
    }
    return ports;
  }

  /** The healthcheck command as one string (CMD / CMD-SHELL prefix kept), empty when there is none. */
  static String healthcheckCommand(Map<String, Object> service) {
    Object test = map(service.get("healthcheck")).get("test");
    if (test instanceof Collection<?> c) {
      return String.join(" ", c.stream().map(String::valueOf).toList());
    }
    return test == null ? "" : String.valueOf(test);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // deploy/METRICS.md
  // ---------------------------------------------------------------------------------------------------------------

  private static final Pattern METRICS_ROW = Pattern.compile("^\\|\\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`\\s*\\|([^|]*)\\|");

  /** Metric name → type, from the table rows of deploy/METRICS.md whose first cell is a `name`. */
  static Map<String, String> documentedMetrics() {
    Map<String, String> metrics = new LinkedHashMap<>();
    for (String line : read(root().resolve("deploy/METRICS.md")).split("\n")) {
      Matcher m = METRICS_ROW.matcher(line.trim());
      if (m.find()) {
        metrics.put(m.group(1), m.group(2).trim());
      }
    }
    return metrics;
  }

  /**
   * Every series name a query may use: the documented names, and for histograms and timers the series Micrometer
   * derives from them.
   */
  static Set<String> queryableSeries() {
    Set<String> names = new LinkedHashSet<>();
    documentedMetrics().forEach((name, type) -> {
      names.add(name);
      if (type.contains("histogram") || type.contains("timer")) {
        for (String suffix : List.of("_bucket", "_count", "_sum", "_max")) {
          names.add(name + suffix);
        }
      }
    });
    return names;
  }
}
