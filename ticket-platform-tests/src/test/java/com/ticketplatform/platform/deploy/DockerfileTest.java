package com.ticketplatform.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.platform.deploy.DeployFiles.ServiceModule;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile cannot be built here (no Docker engine), so its instructions are checked: a build stage that runs
 * the Maven wrapper over the whole repository with a cached local repository and does not depend on MODULE (so all
 * services share it), and a JRE runtime stage that takes the MODULE's executable jar and runs it as a non-root user.
 * The build context (.dockerignore) must keep everything the build reads. A Node stage builds the storefront
 * (ticket-web) from its lockfile, and only the gateway's image gets the build (docs/ARCHITECTURE.md §10).
 */
class DockerfileTest {

  private static final Pattern FROM = Pattern.compile("(?i)^FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");

  private final Path root = DeployFiles.root();
  private final List<Stage> stages = parse(DeployFiles.read(root.resolve("Dockerfile")));

  record Stage(String image, String name, List<String> instructions) {

    List<String> all(String keyword) {
      return instructions.stream().filter(i -> i.toUpperCase().startsWith(keyword + " ")).toList();
    }

    String text() {
      return String.join("\n", instructions);
    }
  }

  /** Instructions per stage, continuation lines joined, comments dropped. */
  private static List<Stage> parse(String dockerfile) {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : dockerfile.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      if (!current.toString().isBlank()) {
        instructions.add(current.toString().replaceAll("\\s+", " ").strip());
      }
      current.setLength(0);
    }
    List<Stage> stages = new ArrayList<>();
    for (String instruction : instructions) {
      Matcher from = FROM.matcher(instruction);
      if (from.find()) {
        stages.add(new Stage(from.group(1), from.group(2), new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).instructions().add(instruction);
      }
    }
    return stages;
  }

  private Stage buildStage() {
    return stages.get(0);
  }

  private Stage runtimeStage() {
    return stages.get(stages.size() - 1);
  }

  private Stage webStage() {
    return stages.stream().filter(s -> "web".equals(s.name())).findFirst()
        .orElseThrow(() -> new AssertionError("no stage named web (the storefront's build) in the Dockerfile"));
  }

  /** Where the gateway's image keeps the storefront's build, as the Dockerfile copies it: /app/web. */
  static String storefrontPathInImage() {
    List<Stage> all = parse(DeployFiles.read(DeployFiles.root().resolve("Dockerfile")));
    Stage runtime = all.get(all.size() - 1);
    Matcher mount = STOREFRONT_MOUNT.matcher(runtime.text());
    if (!mount.find()) {
      throw new AssertionError("the runtime stage mounts no storefront build from the web stage");
    }
    Matcher copy = Pattern.compile("cp -r " + Pattern.quote(mount.group("target")) + " (\\S+)").matcher(runtime.text());
    if (!copy.find()) {
      throw new AssertionError("the runtime stage does not copy the mounted storefront build into the image");
    }
    return copy.group(1);
  }

  private static final Pattern STOREFRONT_MOUNT = Pattern.compile(
      "--mount=type=bind,from=web,source=(?<source>[^,\\s]+),target=(?<target>[^,\\s]+)");

  @Test
  void itIsAMultiStageBuildFromATemurin17JdkToATemurin17Jre() {
    assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
    assertThat(buildStage().image()).isEqualTo("eclipse-temurin:17-jdk");
    assertThat(buildStage().name()).isEqualTo("build");
    assertThat(runtimeStage().image()).isEqualTo("eclipse-temurin:17-jre");
  }

  @Test
  void theBuildStagePackagesTheWholeRepositoryWithTheWrapperAndACachedLocalRepository() {
    Stage build = buildStage();
    assertThat(build.all("COPY")).as("the whole repository is the build input").contains("COPY . .");
    String mavenRun = build.all("RUN").stream().filter(r -> r.contains("./mvnw")).findFirst()
        .orElseThrow(() -> new AssertionError("no RUN ./mvnw in the build stage"));
    assertThat(mavenRun)
        .contains("--mount=type=cache,target=/root/.m2")
        .contains("./mvnw -B -DskipTests package")
        .doesNotContain(" -pl ");
    // the wrapper downloads a .zip distribution; without unzip it falls back to tar, which cannot read it
    assertThat(build.text()).contains("unzip");
    assertThat(DeployFiles.read(root.resolve(".mvn/wrapper/maven-wrapper.properties")))
        .contains("distributionUrl=").contains(".zip");
    assertThat(root.resolve("mvnw")).isRegularFile();
  }

  @Test
  void aNodeStagePinnedByMajorVersionBuildsTheStorefrontFromItsLockfile() {
    Stage web = webStage();
    assertThat(web.image()).as("the official Node image, pinned by major version").matches("node:\\d+");
    Map<String, Object> packageJson = DeployFiles.yamlMap(root.resolve("ticket-web/package.json")); // JSON is YAML
    String engines = String.valueOf(map(packageJson.get("engines")).get("node"));
    int major = Integer.parseInt(web.image().substring("node:".length()));
    assertThat(engines).as("ticket-web's engines.node admits the image's Node %s", major).isEqualTo(">=20");
    assertThat(major).isGreaterThanOrEqualTo(20);

    List<String> instructions = web.instructions();
    int manifests = indexOf(instructions, i -> i.startsWith("COPY ") && i.contains("ticket-web/package-lock.json")
        && i.contains("ticket-web/package.json"));
    int install = indexOf(instructions, i -> i.startsWith("RUN ") && i.contains("npm ci"));
    int sources = indexOf(instructions, i -> i.matches("COPY ticket-web/? \\./?"));
    int build = indexOf(instructions, i -> i.startsWith("RUN ") && i.contains("npm run build"));
    assertThat(manifests).as("the lockfile is copied").isNotNegative();
    assertThat(install).as("npm ci (the lockfile, exactly), after the lockfile is there").isGreaterThan(manifests);
    assertThat(web.text()).as("never npm install, which may rewrite the lockfile").doesNotContain("npm install");
    assertThat(sources).as("the sources come after the install, so a source change reuses node_modules")
        .isGreaterThan(install);
    assertThat(build).as("npm run build after the sources").isGreaterThan(sources);
    assertThat(root.resolve("ticket-web/package-lock.json")).isRegularFile();

    // the build generates the typed client from the committed document: no running platform in the image build
    String buildScript = String.valueOf(map(packageJson.get("scripts")).get("build"));
    String genApi = String.valueOf(map(packageJson.get("scripts")).get("gen:api"));
    assertThat(buildScript).startsWith("npm run gen:api");
    assertThat(genApi).contains("openapi/public.json");
    assertThat(root.resolve("ticket-web/openapi/public.json")).isRegularFile();
  }

  @Test
  void theStorefrontBuildGoesIntoTheGatewaysImageOnly() {
    Stage web = webStage();
    List<String> workdirs = web.all("WORKDIR");
    String workdir = workdirs.get(workdirs.size() - 1).substring("WORKDIR ".length()).strip();
    Stage runtime = runtimeStage();
    assertThat(runtime.all("COPY")).as("a COPY --from=web would put the storefront into every service's image")
        .noneMatch(c -> c.contains("--from=web"));
    String run = runtime.all("RUN").stream().filter(r -> r.contains("from=web")).findFirst()
        .orElseThrow(() -> new AssertionError("the runtime stage takes nothing from the web stage"));
    Matcher mount = STOREFRONT_MOUNT.matcher(run);
    assertThat(mount.find()).as("a bind mount of the web stage's build: %s", run).isTrue();
    // Vite writes to dist/ under the project (vite.config.ts sets no other outDir)
    assertThat(mount.group("source")).isEqualTo(workdir.replaceAll("/+$", "") + "/dist");
    assertThat(DeployFiles.read(root.resolve("ticket-web/vite.config.ts"))).doesNotContain("outDir");
    assertThat(run).as("copied for the gateway, and only for it")
        .contains("if [ \"${MODULE}\" = \"ticket-gateway\" ]; then cp -r " + mount.group("target") + " ");
    String inImage = storefrontPathInImage();
    assertThat(inImage).startsWith("/app/");
    assertThat(run).as("an empty build fails the image build").contains("test -f " + inImage + "/index.html");
    // the copy is made before the process drops root, so the app user cannot rewrite it
    assertThat(runtime.instructions().indexOf(run))
        .isLessThan(runtime.instructions().indexOf(runtime.all("USER").get(runtime.all("USER").size() - 1)));
  }

  @Test
  void theBuildStageDoesNotDependOnModuleSoEveryServiceSharesIt() {
    assertThat(buildStage().text()).doesNotContain("MODULE");
    assertThat(stages.get(0).all("ARG")).isEmpty();
  }

  @Test
  void theRuntimeStageTakesTheModulesExecutableJar() {
    Stage runtime = runtimeStage();
    assertThat(runtime.all("ARG")).contains("ARG MODULE");
    List<String> copies = runtime.all("COPY").stream().filter(c -> c.contains("--from=build")).toList();
    assertThat(copies).hasSize(1);
    assertThat(copies.get(0)).contains("${MODULE}").endsWith(" /app/app.jar");
    // the build stage collects each module's jar whose manifest has Start-Class, i.e. the repackaged Boot jar
    assertThat(buildStage().text())
        .contains("\"$target/$module\"-*.jar")
        .contains("Start-Class")
        .contains("/out/$module.jar");
    assertThat(copies.get(0)).contains("/out/${MODULE}.jar");
  }

  @Test
  void everyServiceModuleProducesTheJarNameTheBuildStageLooksFor() {
    SoftAssertions soft = new SoftAssertions();
    for (ServiceModule module : DeployFiles.serviceModules()) {
      String pom = DeployFiles.read(module.dir().resolve("pom.xml"));
      // <module>/target/<artifactId>-<version>[-classifier].jar: the glob needs artifactId == directory name
      String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "")
          .replaceAll("(?s)<dependencies>.*?</dependencies>", "")
          .replaceAll("(?s)<build>.*</build>", "");
      soft.assertThat(withoutParent).as("%s artifactId", module.name())
          .contains("<artifactId>" + module.name() + "</artifactId>");
      soft.assertThat(pom).as("%s must not rename its jar", module.name()).doesNotContain("<finalName>");
    }
    soft.assertAll();
  }

  @Test
  void theContainerRunsTheJarAsANonRootUser() {
    Stage runtime = runtimeStage();
    List<String> users = runtime.all("USER");
    assertThat(users).as("USER in the runtime stage").isNotEmpty();
    String user = users.get(users.size() - 1).substring("USER ".length()).strip();
    String name = user.split(":")[0];
    assertThat(name).isNotIn("root", "0", "");
    int userIndex = runtime.instructions().indexOf(users.get(users.size() - 1));
    List<String> entrypoints = runtime.all("ENTRYPOINT");
    assertThat(entrypoints).containsExactly("ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]");
    assertThat(runtime.instructions().indexOf(entrypoints.get(0))).isGreaterThan(userIndex);
    // a named user must be created in the image, a numeric one needs nothing
    if (!name.matches("[0-9]+")) {
      assertThat(runtime.text()).contains("useradd").contains(name);
    } else {
      assertThat(runtime.text()).contains("--uid " + name);
    }
    // nothing after USER switches back
    assertThat(runtime.instructions().subList(userIndex + 1, runtime.instructions().size()))
        .noneMatch(i -> i.toUpperCase().startsWith("USER "));
  }

  @Test
  void theBuildContextKeepsEverythingTheBuildReads() {
    List<PathMatcher> ignored = new ArrayList<>();
    for (String line : DeployFiles.read(root.resolve(".dockerignore")).split("\n")) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#") || pattern.startsWith("!")) {
        continue;
      }
      pattern = pattern.replaceAll("^/+", "").replaceAll("/+$", "");
      ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      if (pattern.startsWith("**/")) {
        ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
      }
    }
    Set<String> needed = new LinkedHashSet<>(List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties"));
    for (String module : DeployFiles.rootModules()) {
      needed.add(module + "/pom.xml");
      needed.add(module + "/src/main/java");
      needed.add(module + "/src/main/resources");
      // resources a module pulls from outside its directory, e.g. ${project.basedir}/../sql/order
      Matcher m = Pattern.compile("\\$\\{project\\.basedir}/\\.\\./([^<\\s]+)")
          .matcher(DeployFiles.read(root.resolve(module).resolve("pom.xml")));
      while (m.find()) {
        needed.add(m.group(1));
      }
    }
    assertThat(needed).as("poms read migrations from the repo root").anyMatch(p -> p.startsWith("sql"));
    SoftAssertions soft = new SoftAssertions();
    for (String path : needed) {
      soft.assertThat(isIgnored(ignored, path)).as(".dockerignore must not exclude %s", path).isFalse();
    }
    soft.assertThat(isIgnored(ignored, "ticket-order-service/target/classes")).as("build outputs excluded").isTrue();
    soft.assertThat(isIgnored(ignored, ".git")).as(".git excluded").isTrue();
    // the storefront's build reads its manifests, lockfile, sources and the API document; never a local install
    for (String path : List.of("ticket-web/package.json", "ticket-web/package-lock.json", "ticket-web/.npmrc",
        "ticket-web/index.html", "ticket-web/src", "ticket-web/public", "ticket-web/scripts",
        "ticket-web/openapi/public.json", "ticket-web/vite.config.ts", "ticket-web/tsconfig.json")) {
      soft.assertThat(isIgnored(ignored, path)).as(".dockerignore must not exclude %s", path).isFalse();
    }
    soft.assertThat(isIgnored(ignored, "ticket-web/node_modules")).as("a local node_modules excluded").isTrue();
    soft.assertThat(isIgnored(ignored, "ticket-web/dist")).as("a local build excluded").isTrue();
    soft.assertAll();
    assertThat(root.resolve("sql")).isDirectory();
  }

  private static int indexOf(List<String> instructions, java.util.function.Predicate<String> test) {
    for (int i = 0; i < instructions.size(); i++) {
      if (test.test(instructions.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** True when the path or one of its parents matches an exclusion (Docker excludes a directory's whole tree). */
  private static boolean isIgnored(List<PathMatcher> ignored, String relative) {
    for (Path p = Path.of(relative); p != null; p = p.getParent()) {
      Path candidate = p;
      if (ignored.stream().anyMatch(matcher -> matcher.matches(candidate))) {
        return true;
      }
    }
    return false;
  }
}
