package com.ticketplatform.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import com.ticketplatform.bench.platform.Http;
import com.ticketplatform.bench.stats.PhaseResult;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WrkTest {

  private static Wrk.Spec spec(URI url, double rate, List<Map<String, String>> headers) {
    return new Wrk.Spec("test", "direct", url, "POST", "{\"seatIds\":[1,2],\"note\":\"a \\\"quoted\\\" word\"}",
        headers, "Idempotency-Key", 2, 4, 2, rate, Set.of(409), ProcessHandle.current().pid());
  }

  @Test
  void theScriptCarriesTheRequestAsLuaLiterals() throws Exception {
    String script = Wrk.script(spec(URI.create("http://127.0.0.1:1/api/orders?x=1"), 250,
        List.of(Map.of("X-User-Id", "7", "Weird", "back\\slash \"and\" newline\n"))));
    assertThat(script).contains("METHOD = \"POST\"").contains("PATH = \"/api/orders?x=1\"")
        .contains("RATE = 250.000").contains("IDEMPOTENCY_HEADER = \"Idempotency-Key\"")
        .contains("[\"Weird\"] = \"back\\\\slash \\\"and\\\" newline\\n\"")
        .contains("BODY = \"{\\\"seatIds\\\":[1,2],\\\"note\\\":\\\"a \\\\\\\"quoted\\\\\\\" word\\\"}\"")
        .doesNotContain("--@@SETTINGS@@");
  }

  @Test
  void wrksSummaryBecomesAPhaseWithTheGeneratorsShare() throws Exception {
    var summary = Http.JSON.readTree("{\"requests\":1000,\"durationMicros\":2000000,\"statuses\":{\"409\":990,"
        + "\"503\":10},\"p50\":1500,\"p95\":3000,\"p99\":4990,\"max\":12000,\"mean\":1600.4,\"connectErrors\":0,"
        + "\"readErrors\":0,\"writeErrors\":0,\"timeouts\":3}");
    PhaseResult p = Wrk.result(spec(URI.create("http://127.0.0.1:1/"), 0, List.of()), summary, 120, 80, 100);
    assertThat(p.calls()).isEqualTo(1000);
    assertThat(p.okCalls()).isEqualTo(990);
    assertThat(p.okPerSecond()).isEqualTo(495.0);
    assertThat(p.latency().p99()).isEqualTo(4.99);
    assertThat(p.outcomes()).containsEntry("409", 990L).containsEntry("503", 10L).containsEntry("timeout", 3L);
    assertThat(p.errorCalls()).isEqualTo(13);
    assertThat(p.notes()).containsEntry("generatorCpuPercentOfOneCore", 60.0)
        .containsEntry("targetCpuMillisPerCall", 0.8);
  }

  /** A real wrk run (where wrk is installed: ./ticket bench installs it) against an in-process HTTP server. */
  @Test
  void aRealRunCountsStatusesSendsEveryIdentityAndUniqueKeysAndHoldsAPace() throws Exception {
    assumeThat(Wrk.executable()).as("wrk on the PATH").isNotNull();
    Set<String> keys = ConcurrentHashMap.newKeySet();
    Set<String> users = ConcurrentHashMap.newKeySet();
    AtomicInteger bodies = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/api/orders", exchange -> {
      keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      users.add(exchange.getRequestHeaders().getFirst("X-User-Id"));
      if (new String(exchange.getRequestBody().readAllBytes()).contains("\"seatIds\":[1,2]")) {
        bodies.incrementAndGet();
      }
      exchange.sendResponseHeaders(409, -1);
      exchange.close();
    });
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/orders");
      List<Map<String, String>> identities = List.of(Map.of("X-User-Id", "1"), Map.of("X-User-Id", "2"),
          Map.of("X-User-Id", "3"));
      PhaseResult paced = Wrk.run(spec(url, 100, identities));
      assertThat(paced.outcomes()).containsOnlyKeys("409");
      assertThat(paced.okCalls()).isEqualTo(paced.calls());
      // every request the server saw had its body and a key of its own; it also saw those still in flight when wrk
      // stopped counting (at most one per connection)
      assertThat(keys).hasSize(bodies.get());
      assertThat((long) keys.size()).isBetween(paced.calls(), paced.calls() + 4);
      assertThat(paced.callsPerSecond()).as("paced at 100/s").isBetween(80.0, 110.0);
      assertThat(users).containsExactlyInAnyOrder("1", "2", "3");
      assertThat(paced.notes()).containsKeys("generatorCpuPercentOfOneCore", "targetCpuMillisPerCall");
    } finally {
      server.stop(0);
    }
  }
}
