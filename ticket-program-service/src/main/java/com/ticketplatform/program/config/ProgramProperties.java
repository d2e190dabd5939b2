package com.ticketplatform.program.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the program service ({@code ticket.program.*}).
 *
 * @param cleaningBuffer time a hall needs between two showtimes; a showtime ends at start + duration + this
 * @param cache read cache settings (docs/ARCHITECTURE.md §4)
 */
@ConfigurationProperties("ticket.program")
public record ProgramProperties(@DefaultValue("PT20M") Duration cleaningBuffer, @DefaultValue Cache cache) {

  /**
   * @param keyPrefix every cache and Bloom filter key starts with it (tests use a random one)
   * @param ttl base time to live of a cached entry; each write adds a random jitter of +/- {@code jitter}
   * @param jitter fraction of the ttl used as jitter, so entries written together do not expire together
   * @param missTtl how long "does not exist" is remembered for an id that passed the Bloom filter
   * @param lockWait how long a reader waits for another reader's rebuild before answering 503
   * @param lockLease upper bound of a rebuild; the lock frees itself after it if the holder dies
   * @param bloomExpectedInsertions sizing of the Bloom filters of existing ids
   * @param bloomFalsePositiveRate their target false-positive rate
   * @param nearTtl how long an instance keeps a value read through {@code getOrLoadNear} (showtime layouts) in memory,
   *     in front of Redis: the instance that evicts it forgets it at once, the others may serve the old one for this
   *     long (0: no near copy)
   */
  public record Cache(@DefaultValue("ticket:program:") String keyPrefix,
      @DefaultValue("PT10M") Duration ttl,
      @DefaultValue("0.2") double jitter,
      @DefaultValue("PT30S") Duration missTtl,
      @DefaultValue("PT5S") Duration lockWait,
      @DefaultValue("PT15S") Duration lockLease,
      @DefaultValue("1000000") long bloomExpectedInsertions,
      @DefaultValue("0.001") double bloomFalsePositiveRate,
      @DefaultValue("PT1S") Duration nearTtl) {}
}
