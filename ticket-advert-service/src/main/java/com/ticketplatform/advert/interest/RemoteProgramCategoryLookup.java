package com.ticketplatform.advert.interest;

import tools.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Asks the program service's public {@code GET /api/programs/{id}} (by service id, load-balanced) for the category and
 * caches the answer in Redis for a day: a program's category practically never changes, and every paid order would
 * otherwise cost a remote call.
 */
@Component
class RemoteProgramCategoryLookup implements ProgramCategoryLookup {

  private static final Logger log = LoggerFactory.getLogger(RemoteProgramCategoryLookup.class);
  private static final Duration CACHE_FOR = Duration.ofDays(1);
  private static final String NONE = "-";

  private final RestClient programs;
  private final StringRedisTemplate redis;

  RemoteProgramCategoryLookup(RestClient.Builder loadBalanced, StringRedisTemplate redis) {
    this.programs = loadBalanced.baseUrl("http://ticket-program-service").build();
    this.redis = redis;
  }

  @Override
  public Optional<String> categoryOf(long programId) {
    String key = "advert:program-category:" + programId;
    String cached = redis.opsForValue().get(key);
    if (cached != null) {
      return NONE.equals(cached) ? Optional.empty() : Optional.of(cached);
    }
    String category;
    try {
      JsonNode program = programs.get().uri("/api/programs/{id}", programId).retrieve().body(JsonNode.class);
      category = program == null ? "" : program.path("category").asText("");
    } catch (RestClientResponseException e) {
      if (e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(404))) {
        log.info("program {} is unknown to the program service", programId);
        category = "";
      } else {
        throw e;
      }
    }
    category = category.trim().toUpperCase(Locale.ROOT);
    redis.opsForValue().set(key, category.isEmpty() ? NONE : category, CACHE_FOR);
    return category.isEmpty() ? Optional.empty() : Optional.of(category);
  }
}
