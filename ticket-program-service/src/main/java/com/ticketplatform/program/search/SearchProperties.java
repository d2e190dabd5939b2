package com.ticketplatform.program.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Program search ({@code ticket.search.*}); the engine's address and timeouts are Boot's {@code spring.elasticsearch.*}.
 *
 * @param index the alias searches read; the concrete indices behind it are {@code <index>-<epoch millis>}
 * @param es7Compat talk to a 7.10 engine (the local one): see {@link Es7Compatibility}
 * @param breakerOpenFor how long search answers from MySQL without trying the engine after it kept failing
 * @param indexerGroup Kafka consumer group of the indexer (one for all instances: the index is shared)
 * @param retryMax longest pause between two attempts to index an event while the engine is down
 * @param checkOnStart on start-up, rebuild the index when it is missing or its document count differs from MySQL's
 * @param originDecayScale how far from now an upcoming showtime has lost half of its ranking boost
 * @param upkeepTimeout socket timeout of index upkeep (creating indices, swapping aliases, writing documents);
 *     searches keep the short {@code spring.elasticsearch.socket-timeout}
 */
@ConfigurationProperties("ticket.search")
public record SearchProperties(@DefaultValue("programs") String index,
    @DefaultValue("false") boolean es7Compat,
    @DefaultValue("PT10S") Duration breakerOpenFor,
    @DefaultValue("ticket-program-search") String indexerGroup,
    @DefaultValue("PT30S") Duration retryMax,
    @DefaultValue("true") boolean checkOnStart,
    @DefaultValue("7d") String originDecayScale,
    @DefaultValue("PT30S") Duration upkeepTimeout) {

  /** Second alias on an index while a full rebuild fills it: events go there too, searches do not. */
  public String buildingAlias() {
    return index + "-building";
  }
}
