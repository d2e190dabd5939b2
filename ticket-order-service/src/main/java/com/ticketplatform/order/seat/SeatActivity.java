package com.ticketplatform.order.seat;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The showtimes whose seats this instance changed since the inventory check last looked (docs/ARCHITECTURE.md §2
 * "The inventory check"): every change to a showtime's Redis inventory marks it before it is sent, so a change that
 * fails half-way, or that Redis loses, is still looked at on the next pass. A showtime nobody touched is left to the
 * full sweep.
 */
@Component
public class SeatActivity {

  private final Set<Long> changed = ConcurrentHashMap.newKeySet();

  public void touched(long showtimeId) {
    changed.add(showtimeId);
  }

  /** The showtimes changed since the last call; the set starts empty again. */
  public Set<Long> drain() {
    Set<Long> drained = Set.copyOf(changed);
    changed.removeAll(drained);
    return drained;
  }

  /** Showtimes to look at again on the next pass (something in them only time can settle, or the check failed). */
  public void again(Collection<Long> showtimeIds) {
    changed.addAll(showtimeIds);
  }
}
