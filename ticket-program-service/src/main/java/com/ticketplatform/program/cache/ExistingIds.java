package com.ticketplatform.program.cache;

import java.util.List;

/**
 * The ids of one kind of catalogue entry that exist, as {@link IdBloomFilters} reads them to fill its filters. The
 * feature that stores the entries implements it (the program and showtime mappers), so the cache depends on none of
 * them (docs/ARCHITECTURE.md §5).
 */
public interface ExistingIds {

  /** The largest id stored, or null when there is none. */
  Long newestId();

  /** Up to {@code limit} ids greater than {@code afterId}, in ascending order. */
  List<Long> idsAfter(long afterId, int limit);

  /** The ids of every program. */
  interface Programs extends ExistingIds {}

  /** The ids of every showtime. */
  interface Showtimes extends ExistingIds {}
}
