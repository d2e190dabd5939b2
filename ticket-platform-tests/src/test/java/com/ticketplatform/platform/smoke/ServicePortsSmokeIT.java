package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Only the gateway is public (docs/ARCHITECTURE.md §9): a service port reached directly refuses made-up identity
 * headers and internal calls without the platform's credential, and locally listens on loopback only.
 */
class ServicePortsSmokeIT {

  static final LocalPlatform.App ORDERS = new LocalPlatform.App("ticket-order-service", 8083);
  static final LocalPlatform.App PAY = new LocalPlatform.App("ticket-pay-service", 8084);

  static HttpResponse<String> send(String method, String url, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
        HttpRequest.BodyPublishers.ofString("{\"reason\":\"free money\"}")).header("Content-Type", "application/json");
    if (headers.length > 0) {
      b.headers(headers);
    }
    return LocalPlatform.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aForgedIdentityAtAServicePortIsA401Problem() throws Exception {
    HttpResponse<String> r = send("GET", LocalPlatform.appUrl(ORDERS) + "/api/orders/1", "X-User-Id", "1",
        "X-User-Roles", "ADMIN");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    assertThat(LocalPlatform.JSON.readTree(r.body()).path("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void anInternalCallWithoutTheCredentialIsA401AndRefundsNothing() throws Exception {
    HttpResponse<String> r = send("POST", LocalPlatform.appUrl(PAY) + "/internal/pay-flows/1/refund");
    assertThat(r.statusCode()).isEqualTo(401);
    HttpResponse<String> forged = send("POST", LocalPlatform.appUrl(PAY) + "/internal/pay-flows/1/refund",
        "X-Ticket-Internal", "v1.9999999999.ticket-order-service....forged");
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  @Test
  void servicesListenOnLoopbackOnly() throws Exception {
    Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .filter(i -> {
          try {
            return i.isUp() && !i.isLoopback();
          } catch (IOException e) {
            return false;
          }
        })
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
    Assumptions.assumeTrue(lan.isPresent(), "this machine has no address besides loopback");
    for (LocalPlatform.App app : LocalPlatform.APPS) {
      boolean reachable;
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(lan.get(), app.port()), 1000);
        reachable = true;
      } catch (IOException e) {
        reachable = false;
      }
      assertThat(reachable).as("%s on %s:%d", app.name(), lan.get().getHostAddress(), app.port())
          .isEqualTo(app.name().equals("ticket-gateway"));
    }
  }
}
