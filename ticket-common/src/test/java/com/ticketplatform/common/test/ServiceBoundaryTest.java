package com.ticketplatform.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
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

  @Test
  void featurePackagesFormNoNewCycles() {
    BoundaryRules.noNewCyclesBetweenFeatures(servicePackage).check(classes);
  }

  @Test
  void noOtherServicesSchemaIsNamed() {
    assertThat(BoundaryRules.foreignSchemaReferences(Path.of(""), schema)).isEmpty();
  }
}
