package com.ticketplatform.gateway.openapi;

import com.ticketplatform.common.error.Problems;
import com.ticketplatform.gateway.openapi.PublicApiDocument.ServiceDocument;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /v3/api-docs/public}: the merged public document ({@link PublicApiDocument}), built from the services'
 * own documents and kept for 30 seconds. While a service cannot give its document the answer is a 503 problem, never
 * a document with operations silently missing (a client generated from it would lose them).
 */
@RestController
class PublicApiDocumentController {

  static final String PATH = "/v3/api-docs/public";
  private static final Logger log = LoggerFactory.getLogger(PublicApiDocumentController.class);

  private final Mono<String> document;
  private final ObjectMapper json;

  PublicApiDocumentController(ReactorLoadBalancerExchangeFilterFunction loadBalancer, ObjectMapper json,
      @Value("${ticket.gateway.api-docs.services:ticket-user-service,ticket-program-service,"
          + "ticket-order-service,ticket-pay-service,ticket-advert-service,ticket-comment-service,"
          + "ticket-notify-service}")
      List<String> services) {
    this.json = json;
    WebClient client = WebClient.builder().filter(loadBalancer).build();
    this.document = Flux.fromIterable(services)
        .concatMap(service -> client.get().uri("http://" + service + "/v3/api-docs")
            .retrieve().bodyToMono(String.class)
            .timeout(Duration.ofSeconds(5))
            .map(body -> new ServiceDocument(service, body)))
        .collectList()
        .map(documents -> json.writeValueAsString(PublicApiDocument.merge(json, documents)))
        .cache(ok -> PublicApiDocument.CACHE, failed -> Duration.ZERO, () -> Duration.ZERO);
  }

  @GetMapping(PATH)
  Mono<ResponseEntity<String>> publicDocument() {
    return document
        .map(body -> ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .cacheControl(CacheControl.maxAge(PublicApiDocument.CACHE))
            .body(body))
        .onErrorResume(e -> {
          log.warn("the public API document cannot be built: {}", e.toString());
          return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
              .contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .header("Retry-After", "5")
              .body(json.writeValueAsString(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, PublicApiDocument.UNAVAILABLE,
                  "a service's API document is unavailable, try again shortly"))));
        });
  }
}
