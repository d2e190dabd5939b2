package com.ticketplatform.program.event;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.event.ProgramEvents;
import com.ticketplatform.common.event.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Evicts cached catalogue entries on program events, whichever instance made the change. The cache lives in the
 * shared Redis, so one consumer group for all instances is enough, and its committed offsets mean no eviction is
 * lost while every instance is down. Eviction is idempotent, which is what makes redelivery harmless.
 */
@Component
public class ProgramEventsListener {

  private static final Logger log = LoggerFactory.getLogger(ProgramEventsListener.class);

  private final ObjectMapper json;
  private final CacheEviction eviction;

  public ProgramEventsListener(ObjectMapper json, CacheEviction eviction) {
    this.json = json;
    this.eviction = eviction;
  }

  @KafkaListener(topics = Topics.PROGRAM_EVENTS, groupId = "${ticket.program.cache.eviction-group:ticket-program-cache}")
  public void onEvent(String message) {
    JsonNode envelope;
    try {
      envelope = json.readTree(message);
    } catch (Exception e) {
      log.warn("skipping unreadable program event");
      return;
    }
    String type = envelope.path("type").asText();
    JsonNode payload = envelope.path("payload");
    if (ProgramEvents.ProgramChanged.class.getSimpleName().equals(type)) {
      eviction.programChanged(payload.path("programId").asLong());
    } else if (ProgramEvents.ShowtimeChanged.class.getSimpleName().equals(type)) {
      eviction.showtimeChanged(payload.path("programId").asLong(), payload.path("showtimeId").asLong());
    }
  }
}
