package com.ticketplatform.common.seat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one definition of the live seat inventory layout in Redis, shared by the program service (which initialises
 * and reads it) and the order service (whose Lua script locks, sells and releases seats in it).
 *
 * <p>Every key of one showtime carries the hash tag {@code {showtimeId}} so a multi-key Lua script stays valid on
 * Redis Cluster.
 *
 * <ul>
 *   <li>{@link #seats(long)}: hash, field = seat id, value = {@link #AVAILABLE}, or {@code L:<orderNo>:<userId>}
 *       (locked for an unpaid order) or {@code S:<orderNo>:<userId>} (sold). A field exists for every seat of the
 *       showtime once it is on sale; a missing hash means "not initialised", never "all free".</li>
 *   <li>{@link #holdings(long)}: hash, field = user id, value = number of seats the user holds (locked or sold) in
 *       the showtime, for the per-buyer limit.</li>
 *   <li>{@link #grid(long)} and {@link #board(long)}: what the seat map reads instead of the whole seats hash
 *       (docs/ARCHITECTURE.md §4 "The seat board"). The grid is a hash, field = seat id, value = the seat's index on
 *       the board (its place in the layout's seat order); the board is a string of a {@link #BOARD_HEADER}-byte
 *       header naming the layout it was built for, then one byte per seat: {@link #BOARD_AVAILABLE},
 *       {@link #BOARD_LOCKED}, {@link #BOARD_SOLD}, or {@link #BOARD_MISSING} for a seat the seats hash lacks. Display
 *       only: the seats hash stays the one authority. The program service builds both from the seats hash; every
 *       script that changes a seat keeps the board in step, or deletes it when it cannot, so it is built anew.</li>
 * </ul>
 */
public final class SeatInventoryKeys {

  public static final String AVAILABLE = "A";
  public static final String LOCKED_PREFIX = "L:";
  public static final String SOLD_PREFIX = "S:";
  private static final byte[] AVAILABLE_BYTES = AVAILABLE.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SOLD_PREFIX_BYTES = SOLD_PREFIX.getBytes(StandardCharsets.US_ASCII);

  /** Length of the board's header, which names the layout (seat ids in order) the board was built for. */
  public static final int BOARD_HEADER = 16;
  public static final byte BOARD_AVAILABLE = 'A';
  public static final byte BOARD_LOCKED = 'L';
  public static final byte BOARD_SOLD = 'S';
  public static final byte BOARD_MISSING = 'U';

  private SeatInventoryKeys() {}

  public static String seats(long showtimeId) {
    return "ticket:inv:{" + showtimeId + "}:seats";
  }

  public static String holdings(long showtimeId) {
    return "ticket:inv:{" + showtimeId + "}:holdings";
  }

  public static String grid(long showtimeId) {
    return "ticket:inv:{" + showtimeId + "}:grid";
  }

  public static String board(long showtimeId) {
    return "ticket:inv:{" + showtimeId + "}:board";
  }

  public static String locked(long orderNo, long userId) {
    return LOCKED_PREFIX + orderNo + ":" + userId;
  }

  public static String sold(long orderNo, long userId) {
    return SOLD_PREFIX + orderNo + ":" + userId;
  }

  /** Public status of a stored value: AVAILABLE, LOCKED or SOLD. */
  public static String statusOf(String value) {
    if (value == null || AVAILABLE.equals(value)) {
      return "AVAILABLE";
    }
    return value.startsWith(SOLD_PREFIX) ? "SOLD" : "LOCKED";
  }

  /** {@link #statusOf(String)} of a value as Redis returns it, without making a string of it. */
  public static String statusOf(byte[] value) {
    if (value == null || Arrays.equals(value, AVAILABLE_BYTES)) {
      return "AVAILABLE";
    }
    return Arrays.equals(value, 0, Math.min(value.length, SOLD_PREFIX_BYTES.length), SOLD_PREFIX_BYTES, 0,
        SOLD_PREFIX_BYTES.length) ? "SOLD" : "LOCKED";
  }
}
