package com.ticketplatform.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The boundary checks of {@link BoundaryRules}; each service's {@code BoundaryTest} names its package and schema. */
public abstract class ServiceBoundaryTest {

  private final String servicePackage;
  private final String schema;
  private final JavaClasses classes;

  protected ServiceBoundaryTest(String servicePackage, String schema) {
    this.servicePackage = servicePackage;
    this.schema = schema;
    this.classes = BoundaryRules.classesOf(servicePackage);
  }

  @Test
  void theDomainDoesNotDependOnTheWebLayer() {
    BoundaryRules.domainDoesNotDependOnWeb(servicePackage).check(classes);
  }

  /**
   * Cycles between feature packages: none but those listed in {@code src/test/resources/known-package-cycles.txt}.
   * A new one fails, and so does a listed one that is gone (strike it from the list: the list only shrinks).
   */
  @Test
  void featurePackagesFormNoCycleButTheKnownOnes() throws IOException {
    Path file = Path.of("src/test/resources/known-package-cycles.txt");
    Set<String> known = new TreeSet<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          known.add(line.strip());
        }
      }
    }
    Set<String> actual = BoundaryRules.cyclesBetweenFeatures(servicePackage, classes);
    assertThat(actual).as("cycles between the feature packages of %s that are not in %s", servicePackage, file)
        .isSubsetOf(known);
    assertThat(known).as("cycles listed in %s that are gone: strike them from the list", file).isSubsetOf(actual);
  }

  @Test
  void noOtherServicesSchemaIsNamed() {
    assertThat(BoundaryRules.foreignSchemaReferences(Path.of(""), schema)).isEmpty();
  }
}
