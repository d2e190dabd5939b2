package com.ticketplatform.program.showtime;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.program.event.ProgramEventPublisher;
import com.ticketplatform.program.hall.HallChanged;
import com.ticketplatform.program.hall.HallService;
import com.ticketplatform.program.hall.HallShowtimes;
import com.ticketplatform.program.inventory.SeatInventory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The showtimes of a hall as a change to the hall affects them: a seat map that may not change under a showtime on
 * sale, seat inventories that go stale with it, showtimes deleted with their hall, and the events that tell every
 * reader what they show has changed.
 */
@Component
class ShowtimesOfHall implements HallShowtimes {

  private final ShowtimeMapper showtimes;
  private final SeatInventory inventory;
  private final ProgramEventPublisher events;

  ShowtimesOfHall(ShowtimeMapper showtimes, SeatInventory inventory, ProgramEventPublisher events) {
    this.showtimes = showtimes;
    this.inventory = inventory;
    this.events = events;
  }

  @Override
  public void checkSeatMapMayChange(long hallId) {
    if (running(hallId).stream().anyMatch(s -> s.statusEnum() == ShowtimeStatus.ON_SALE)) {
      throw ApiException.conflict(HallService.HALL_ON_SALE,
          "the seat map cannot change while a showtime in the hall is on sale");
    }
  }

  @Override
  public void seatMapChanged(long hallId) {
    // a scheduled showtime may carry an inventory from an on-sale attempt that did not commit: it is stale now
    for (Showtime scheduled : running(hallId)) {
      if (!inventory.retireIfUnsold(scheduled.id)) {
        throw ApiException.conflict(HallService.HALL_HAS_SALES,
            "showtime " + scheduled.id + " has locked or sold seats");
      }
    }
  }

  /**
   * The check and the removal of each showtime's inventory are one Redis script, so no seat can be locked between
   * them; if a later showtime turns out to have sales, the inventories already removed are restored (they had no
   * sales), and so they are when the transaction does not commit.
   */
  @Override
  public void deleteAll(long hallId, List<Long> seatIds) {
    List<Showtime> ofHall = showtimes.findByHall(hallId);
    List<Showtime> retired = new ArrayList<>();
    for (Showtime showtime : ofHall) {
      boolean onSaleWithoutInventory = showtime.statusEnum() == ShowtimeStatus.ON_SALE
          && !inventory.exists(showtime.id);
      if (onSaleWithoutInventory || !inventory.retireIfUnsold(showtime.id)) {
        restore(retired, seatIds);
        throw ApiException.conflict(HallService.HALL_HAS_SALES, onSaleWithoutInventory
            ? "showtime " + showtime.id + " is on sale and its seat inventory is being rebuilt"
            : "showtime " + showtime.id + " has locked or sold seats");
      }
      retired.add(showtime);
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status != STATUS_COMMITTED) {
          restore(retired, seatIds);
        }
      }
    });
    for (Showtime showtime : ofHall) {
      showtimes.deleteById(showtime.id);
      events.showtimeChanged(showtime.programId, showtime.id, ShowtimeStatus.CANCELLED.name(), showtime.startsAt);
    }
  }

  /** A renamed hall or a new seat map changes what every showtime still running in it shows. */
  @EventListener
  public void onHallChanged(HallChanged changed) {
    running(changed.hallId()).forEach(s -> events.showtimeChanged(s.programId, s.id, s.status, null));
  }

  /** The hall's showtimes that still run: scheduled or on sale. */
  private List<Showtime> running(long hallId) {
    return showtimes.findByHall(hallId).stream()
        .filter(s -> s.statusEnum() == ShowtimeStatus.SCHEDULED || s.statusEnum() == ShowtimeStatus.ON_SALE)
        .toList();
  }

  private void restore(List<Showtime> retired, List<Long> seatIds) {
    retired.stream().filter(s -> s.statusEnum() == ShowtimeStatus.ON_SALE)
        .forEach(s -> inventory.initialise(s.id, seatIds));
  }
}
