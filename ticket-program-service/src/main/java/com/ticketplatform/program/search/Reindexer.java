package com.ticketplatform.program.search;

import com.ticketplatform.common.error.ApiException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Full rebuild: a new index, filled from MySQL while events also write to it, then swapped in behind the read alias
 * in one step. Every document of a rebuild carries the rebuild's start time as version, so an event that happened
 * after the start (and is therefore newer than what the rebuild may have read) still wins.
 */
@Component
public class Reindexer {

  public static final String REINDEX_RUNNING = "REINDEX_RUNNING";
  private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
  private static final int BATCH = 200;

  private final SearchIndex index;
  private final ProgramDocuments documents;
  private final SearchProperties properties;
  private final Clock clock;
  private final ReentrantLock running = new ReentrantLock();

  public Reindexer(SearchIndex index, ProgramDocuments documents, SearchProperties properties, Clock clock) {
    this.index = index;
    this.documents = documents;
    this.properties = properties;
    this.clock = clock;
  }

  public record Result(String index, long documents, long tookMillis) {}

  public Result reindex() throws IOException {
    if (!running.tryLock()) {
      throw ApiException.conflict(REINDEX_RUNNING, "a rebuild of the search index is already running");
    }
    try {
      long started = clock.millis();
      String building = index.createBuilding();
      try {
        long count = 0;
        long after = 0;
        List<Long> ids;
        while (!(ids = documents.programIdsAfter(after, BATCH)).isEmpty()) {
          List<ProgramDocument> docs = ids.stream().map(id -> documents.build(id, started))
              .flatMap(Optional::stream).toList();
          index.write(docs, Map.of(), List.of(building));
          count += docs.size();
          after = ids.get(ids.size() - 1);
        }
        index.swapIn(building);
        long took = clock.millis() - started;
        log.info("search index rebuilt: {} programs into {} in {} ms", count, building, took);
        return new Result(building, count, took);
      } catch (IOException | RuntimeException e) {
        try {
          index.discard(building);
        } catch (IOException | RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
    } finally {
      running.unlock();
    }
  }

  /** At start-up: build the index when it is missing, or when it no longer matches MySQL (e.g. a reset database). */
  @EventListener(ApplicationReadyEvent.class)
  public void checkOnStart() {
    ensureIndex(properties.checkOnStart());
  }

  /** Later: build it if it went missing (the engine lost its data, or was down at start-up). */
  @Scheduled(fixedDelayString = "${ticket.search.check-interval:PT1M}",
      initialDelayString = "${ticket.search.check-interval:PT1M}")
  public void checkPeriodically() {
    ensureIndex(false);
  }

  private void ensureIndex(boolean compareCounts) {
    try {
      if (!index.exists()) {
        log.info("no search index {} yet: building it", index.alias());
        reindex();
      } else if (compareCounts) {
        long indexed = index.count();
        long programs = documents.countPrograms();
        if (indexed != programs) {
          log.info("search index holds {} programs, MySQL {}: rebuilding it", indexed, programs);
          reindex();
        }
      }
    } catch (ApiException alreadyRunning) {
      // someone else is rebuilding
    } catch (Exception e) {
      log.warn("search index not checked (engine unreachable?); search answers from MySQL meanwhile: {}",
          e.toString());
    }
  }
}
