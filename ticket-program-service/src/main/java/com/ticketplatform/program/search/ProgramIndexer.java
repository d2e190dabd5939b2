package com.ticketplatform.program.search;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.event.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the catalogue: each program event rebuilds that program's document from MySQL and
 * writes it with the event's time as external version. Rebuilding from the truth makes a redelivered event harmless,
 * and the version makes the engine refuse a document built for an event older than the one it already holds.
 *
 * <p>While the engine is unreachable the listener throws, and the container's error handler retries the same record
 * with a growing pause (see {@link SearchConfig}) without committing its offset: nothing is lost, later events wait
 * behind it (per-program order is kept), and indexing catches up by itself once the engine answers again, also
 * after a restart of this service.
 */
@Component
public class ProgramIndexer {

  private static final Logger log = LoggerFactory.getLogger(ProgramIndexer.class);
  private static final int STALE_BATCH = 100;

  private final SearchIndex index;
  private final ProgramDocuments documents;
  private final ObjectMapper json;
  private final Clock clock;

  public ProgramIndexer(SearchIndex index, ProgramDocuments documents, ObjectMapper json, Clock clock) {
    this.index = index;
    this.documents = documents;
    this.json = json;
    this.clock = clock;
  }

  @KafkaListener(id = "program-search-indexer", topics = Topics.PROGRAM_EVENTS,
      groupId = "${ticket.search.indexer-group:ticket-program-search}",
      containerFactory = SearchConfig.INDEXER_LISTENER_FACTORY)
  public void onEvent(String message) {
    long programId;
    long version;
    try {
      JsonNode envelope = json.readTree(message);
      programId = envelope.path("payload").path("programId").asLong();
      version = Instant.parse(envelope.path("occurredAt").asText()).toEpochMilli();
    } catch (Exception e) {
      log.warn("skipping unreadable program event: {}", e.toString());
      return;
    }
    if (programId <= 0) {
      log.warn("skipping program event without a program id");
      return;
    }
    try {
      index(programId, version);
    } catch (IOException e) {
      throw new UncheckedIOException("search engine unreachable while indexing program " + programId, e);
    } catch (SearchIndex.IndexingRefused e) {
      if (e.retryable()) {
        throw e;
      }
      log.error("program {} cannot be indexed, skipping its event: {}", programId, e.getMessage());
    }
  }

  /** Rebuilds one program's document (or deletes it) in every index that events write to. */
  public void index(long programId, long version) throws IOException {
    Set<String> targets = index.writeTargets();
    if (targets.isEmpty()) {
      // no index yet: the rebuild that creates it reads this program from MySQL
      return;
    }
    Optional<ProgramDocument> doc = documents.build(programId, version);
    index.write(doc.map(List::of).orElse(List.of()), doc.isPresent() ? Map.of() : Map.of(programId, version),
        targets);
  }

  /**
   * A document's next showtime is a fact of the moment it was built; once that showtime starts the document would
   * keep ranking (and being found in that city) as if it had not. Rebuild those documents as their showtimes pass.
   */
  @Scheduled(fixedDelayString = "${ticket.search.stale-sweep-interval:PT1M}",
      initialDelayString = "${ticket.search.stale-sweep-interval:PT1M}")
  public void refreshPassedShowtimes() {
    try {
      Instant now = clock.instant();
      List<Long> stale = index.search(SearchRequest.of(s -> s.index(index.alias()).size(STALE_BATCH)
              .source(src -> src.fetch(false))
              .query(q -> q.range(r -> r.date(d -> d.field("nextShowtime").lte(now.toString()))))))
          .hits().hits().stream().map(h -> Long.parseLong(h.id())).toList();
      for (long programId : stale) {
        index(programId, now.toEpochMilli());
      }
    } catch (Exception e) {
      log.debug("passed-showtime sweep skipped: {}", e.toString());
    }
  }
}
