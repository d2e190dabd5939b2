package com.ticketplatform.program.event;

import com.ticketplatform.program.cache.CatalogueCache;
import org.springframework.stereotype.Component;

/** What a program event invalidates in the read cache. Eviction is idempotent, so replays are harmless. */
@Component
public class CacheEviction {

  private final CatalogueCache cache;

  public CacheEviction(CatalogueCache cache) {
    this.cache = cache;
  }

  public void programChanged(long programId) {
    cache.evict(cache.programDetailKey(programId));
  }

  public void showtimeChanged(long programId, long showtimeId) {
    cache.evict(cache.showtimeLayoutKey(showtimeId));
    cache.evict(cache.programDetailKey(programId));
  }
}
