package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every admin operation any service documents (enumerated from the OpenAPI documents, so a new one is covered the day
 * it is added) refuses an anonymous caller with 401 and a customer with 403, both as problems, through the gateway.
 */
class AdminAuthorisationSmokeIT {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  record Operation(String service, String method, String path) {
    String concretePath() {
      return path.replaceAll("\\{[^}]+}", "1");
    }

    boolean hasBody() {
      return !method.equals("GET") && !method.equals("DELETE");
    }

    @Override
    public String toString() {
      return method + " " + path + " (" + service + ")";
    }
  }

  private static final List<Operation> operations = new ArrayList<>();
  private static PurchaseSteps.Customer customer;

  @BeforeAll
  static void enumerateAdminOperations() throws Exception {
    for (String service : OpenApiSmokeIT.SERVICES.keySet()) {
      JsonNode paths = OpenApiSmokeIT.document(service).path("paths");
      for (Map.Entry<String, JsonNode> path : paths.properties()) {
        if (!path.getKey().startsWith("/api/admin/")) {
          continue;
        }
        path.getValue().propertyNames().forEach(method -> {
          if (METHODS.contains(method)) {
            operations.add(new Operation(service, method.toUpperCase(), path.getKey()));
          }
        });
      }
    }
    customer = PurchaseSteps.login(PurchaseSteps.DEMO_CUSTOMER, PurchaseSteps.DEMO_CUSTOMER_PASSWORD);
  }

  @Test
  void theServicesDocumentTheirAdminOperations() {
    assertThat(operations).as("admin operations found in the OpenAPI documents").hasSizeGreaterThan(10);
    assertThat(operations.stream().map(Operation::service).distinct())
        .contains("ticket-program-service", "ticket-advert-service", "ticket-comment-service", "ticket-pay-service",
            "ticket-notify-service");
  }

  @Test
  void anAnonymousCallerGets401OnEveryAdminOperation() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (Operation op : operations) {
      assertProblem(soft, op, PurchaseSteps.send(null, op.method(), op.concretePath(), op.hasBody() ? "{}" : null,
          null), 401, "UNAUTHENTICATED");
    }
    soft.assertAll();
  }

  @Test
  void aCustomerGets403OnEveryAdminOperation() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (Operation op : operations) {
      assertProblem(soft, op, PurchaseSteps.send(customer, op.method(), op.concretePath(),
          op.hasBody() ? "{}" : null, null), 403, "FORBIDDEN");
    }
    soft.assertAll();
  }

  /**
   * Every admin read the documents describe reaches its service through the gateway: a path a service serves but no
   * gateway route carries would answer the gateway's own 404 ("no such resource") to the admin.
   */
  @Test
  void anAdminReachesTheServiceBehindEveryAdminRead() throws Exception {
    PurchaseSteps.Customer admin = PurchaseSteps.login("admin@ticket.local", LocalPlatform.setting(
        "ticket.demo.admin.password", "TICKET_DEMO_ADMIN_PASSWORD", "Admin#2026"));
    SoftAssertions soft = new SoftAssertions();
    for (Operation op : operations) {
      if (!op.method().equals("GET")) {
        continue;
      }
      HttpResponse<String> response = PurchaseSteps.send(admin, "GET", op.concretePath(), null, null);
      soft.assertThat(response.statusCode() == 404 && response.body().contains("no such resource"))
          .as("%s is routed by the gateway (%s %s)", op, response.statusCode(), response.body()).isFalse();
    }
    soft.assertAll();
  }

  private static void assertProblem(SoftAssertions soft, Operation op, HttpResponse<String> response, int status,
      String code) throws Exception {
    soft.assertThat(response.statusCode()).as("%s status (%s)", op, response.body()).isEqualTo(status);
    soft.assertThat(response.headers().firstValue("Content-Type").orElse("")).as("%s content type", op)
        .startsWith("application/problem+json");
    if (!response.body().isBlank()) {
      soft.assertThat(LocalPlatform.JSON.readTree(response.body()).path("code").asText()).as("%s code", op)
          .isEqualTo(code);
    } else {
      soft.fail(op + " answered an empty body");
    }
  }
}
