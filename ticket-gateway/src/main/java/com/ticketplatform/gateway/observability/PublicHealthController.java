package com.ticketplatform.gateway.observability;

import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's actuator lives on its management port (docs/ARCHITECTURE.md §9), so metrics are never public. What
 * the load balancer and the start scripts need stays on the public port: {@code /actuator/health} and its liveness
 * and readiness groups, answered with the status alone (200 UP, 503 otherwise), exactly as the actuator would.
 */
@RestController
class PublicHealthController {

  private final HealthEndpoint health;

  PublicHealthController(HealthEndpoint health) {
    this.health = health;
  }

  @GetMapping("/actuator/health")
  Mono<ResponseEntity<Map<String, String>>> health() {
    return answer(null);
  }

  @GetMapping("/actuator/health/{group:liveness|readiness}")
  Mono<ResponseEntity<Map<String, String>>> group(@PathVariable String group) {
    return answer(group);
  }

  private Mono<ResponseEntity<Map<String, String>>> answer(String group) {
    // the indicators may block (Redis), never on an event loop
    return Mono.fromCallable(() -> group == null ? health.health() : health.healthForPath(group))
        .subscribeOn(Schedulers.boundedElastic())
        .map(descriptor -> {
          Status status = descriptor == null ? Status.UNKNOWN : descriptor.getStatus();
          return ResponseEntity.status(Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
              .body(Map.of("status", status.getCode()));
        });
  }
}
