package com.ticketplatform.program.sale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ticketplatform.program.inventory.SeatInventory;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * Each seat of a seat map as JSON, written once per seat and status and then reused by every seat map of the showtime
 * (docs/ARCHITECTURE.md §4). A seat's JSON is the service's own {@link ObjectMapper} output of its
 * {@link SeatMapView.SeatView}, so the answer is the same to the byte; serialising 2,000 seat views per seat map was
 * the largest part of a seat map's CPU in an on-sale. Kept per showtime while its layout's seats stay equal (frozen
 * while it is on sale), with the layout's seat order as the inventory's seat board reads it; a changed layout is
 * written anew.
 */
@Component
public class RenderedSeats {

  /** The statuses a seat can show, in the order of a seat's slots. */
  private static final List<String> STATUSES = List.of("AVAILABLE", "LOCKED", "SOLD", SeatMapService.UNAVAILABLE);

  private final ObjectMapper json;
  /**
   * Weighed by slots (four per seat), ~360 bytes each once written (the string and its UTF-8 bytes): at most ~45 MB,
   * 15 showtimes of 2,000 seats, the hot ones of an on-sale; a showtime nobody reads goes after 10 minutes.
   */
  private final Cache<Long, Written> written = Caffeine.newBuilder()
      .maximumWeight(120_000)
      .<Long, Written>weigher((showtimeId, seats) -> seats.slots.length)
      .expireAfterAccess(Duration.ofMinutes(10))
      .build();

  public RenderedSeats(ObjectMapper json) {
    this.json = json;
  }

  /** A seat map's seats, written by {@link #of}. */
  public interface Seats {
    /** The {@code index}-th seat of the layout, with {@code status}. */
    Seat seat(int index, String status);

    /** The layout's seats as the seat board places them: the board's index is the seat's index here. */
    SeatInventory.BoardLayout board();
  }

  /**
   * One seat's JSON, written into an answer as it is: its UTF-8 bytes are encoded once, before the seat is shared, and
   * then copied into each answer.
   */
  public record Seat(SerializableString json) implements JacksonSerializable {

    static Seat of(String json) {
      SerializedString encoded = new SerializedString(json);
      encoded.asUnquotedUTF8();
      return new Seat(encoded);
    }

    @Override
    public void serialize(JsonGenerator gen, SerializationContext context) {
      gen.writeRawValue(json);
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializationContext context, TypeSerializer type) {
      serialize(gen, context);
    }
  }

  public Seats of(ShowtimeLayout layout) {
    Written current = written.get(layout.showtimeId(), id -> new Written(layout.seats()));
    if (current.seats != layout.seats()) {
      if (current.seats.equals(layout.seats())) {
        // a new near copy of the same layout (one a second): compared once, then known by identity
        current.seats = layout.seats();
      } else {
        current = new Written(layout.seats());
        written.put(layout.showtimeId(), current);
      }
    }
    return current;
  }

  private final class Written implements Seats {

    /** The layout's seats these were written for; replaced only by an equal list (both are immutable). */
    private volatile List<ShowtimeLayout.LayoutSeat> seats;
    /**
     * Slot {@code index * 4 + status}, written on first use. A racing write stores an equal seat, and a seat (a record:
     * final fields only) is safely published without a lock.
     */
    private final Seat[] slots;
    private final SeatInventory.BoardLayout board;

    Written(List<ShowtimeLayout.LayoutSeat> seats) {
      this.seats = seats;
      this.slots = new Seat[seats.size() * STATUSES.size()];
      this.board = new SeatInventory.BoardLayout(seats.stream().mapToLong(ShowtimeLayout.LayoutSeat::seatId).toArray());
    }

    @Override
    public SeatInventory.BoardLayout board() {
      return board;
    }

    @Override
    public Seat seat(int index, String status) {
      int statusIndex = STATUSES.indexOf(status);
      if (statusIndex < 0) {
        return write(seats.get(index), status);
      }
      int slot = index * STATUSES.size() + statusIndex;
      Seat seat = slots[slot];
      if (seat == null) {
        seat = write(seats.get(index), status);
        slots[slot] = seat;
      }
      return seat;
    }

    private Seat write(ShowtimeLayout.LayoutSeat seat, String status) {
      return Seat.of(json.writeValueAsString(new SeatMapView.SeatView(seat.seatId(), seat.row(), seat.col(),
          seat.label(), seat.type(), seat.tier(), seat.price(), status)));
    }
  }
}
