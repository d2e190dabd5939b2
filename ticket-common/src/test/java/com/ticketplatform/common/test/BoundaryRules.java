package com.ticketplatform.common.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The boundaries every service keeps (docs/ARCHITECTURE.md §5), checked by each service's {@code BoundaryTest}: the
 * web layer depends on the domain and never the other way round; feature packages form no cycle but the known ones
 * (each service's {@code src/test/resources/known-package-cycles.txt}, which may only shrink); and no code or SQL
 * names another service's schema.
 */
public final class BoundaryRules {

  /** Every service's schema (docs/ARCHITECTURE.md §1); a service may name only its own. */
  static final Set<String> SCHEMAS = Set.of("ticket_user", "ticket_program", "ticket_order", "ticket_pay",
      "ticket_advert", "ticket_comment", "ticket_notify");

  private static final Pattern SLICE = Pattern.compile("Slice (\\S+)");

  private BoundaryRules() {}

  public static JavaClasses classesOf(String servicePackage) {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(servicePackage);
  }

  /**
   * Nothing of the domain depends on the web layer: no class outside {@code web} packages, other than a controller
   * (which is web, wherever it lives) or the wiring, uses a class of one. Controllers call the domain, never back.
   */
  public static ArchRule domainDoesNotDependOnWeb(String servicePackage) {
    return noClasses().that().resideInAPackage(servicePackage + "..").and().resideOutsideOfPackage("..web..")
        .and().areNotAnnotatedWith(RestController.class).and().areNotAnnotatedWith(RestControllerAdvice.class)
        .and().areNotAnnotatedWith(Configuration.class)
        .should().dependOnClassesThat().resideInAPackage(servicePackage + "..web..")
        .because("the web layer depends on the domain, never the reverse");
  }

  /**
   * The cycles between the feature packages directly below the service's package, each written from its
   * alphabetically first package ({@code "program -> search -> program"}), so that a known cycle reads the same
   * whatever the code on it looks like.
   */
  public static Set<String> cyclesBetweenFeatures(String servicePackage, JavaClasses classes) {
    EvaluationResult result = slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles()
        .evaluate(classes);
    Set<String> cycles = new TreeSet<>();
    for (String detail : result.getFailureReport().getDetails()) {
      Matcher slice = SLICE.matcher(detail.substring(0, detail.indexOf("1. Dependencies") < 0 ? detail.length()
          : detail.indexOf("1. Dependencies")));
      List<String> names = new ArrayList<>();
      while (slice.find()) {
        names.add(slice.group(1));
      }
      if (names.size() > 1) {
        List<String> ring = names.subList(0, names.size() - 1);
        int start = ring.indexOf(ring.stream().min(String::compareTo).orElseThrow());
        List<String> rotated = new ArrayList<>(ring.subList(start, ring.size()));
        rotated.addAll(ring.subList(0, start));
        rotated.add(rotated.get(0));
        cycles.add(String.join(" -> ", rotated));
      }
    }
    return cycles;
  }

  /** Lines of the service's main sources and resources that name a schema other than {@code ownSchema}. */
  public static List<String> foreignSchemaReferences(Path moduleDir, String ownSchema) {
    List<String> found = new ArrayList<>();
    for (String root : List.of("src/main/java", "src/main/resources")) {
      Path dir = moduleDir.resolve(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            for (String schema : SCHEMAS) {
              if (!schema.equals(ownSchema) && lines.get(i).matches(".*\\b" + schema + "(_[0-9a-z]+)?\\b.*")) {
                found.add(moduleDir.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }
}
