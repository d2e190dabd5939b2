package com.ticketplatform.program.inventory;

import com.ticketplatform.common.seat.SeatInventoryKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The live seat inventory of a showtime in Redis, in the layout of {@link SeatInventoryKeys}. This service creates it
 * when a showtime goes on sale and reads it for the seat map, through the seat board it builds from it
 * (docs/ARCHITECTURE.md §4 "The seat board"); the order service locks, sells and releases seats in it (keeping the
 * board in step) and rebuilds it from its tickets when it is missing.
 */
@Component
public class SeatInventory {

  /** How long a board and its grid live after their build (a day): read again, a board is built again. */
  static final long BOARD_TTL_SECONDS = 86_400;

  /**
   * HSETNX for every seat: re-initialising never frees a seat that is locked or sold. A seat added makes the board
   * (KEYS[2]) out of date, so it goes and is built again on the next read.
   */
  private static final DefaultRedisScript<Long> INITIALISE = new DefaultRedisScript<>("""
      local added = 0
      for i = 1, #ARGV do
        added = added + redis.call('HSETNX', KEYS[1], ARGV[i], 'A')
      end
      if added > 0 then
        redis.call('DEL', KEYS[2])
      end
      return added
      """, Long.class);

  /**
   * The board of the reader's layout. KEYS[1] seats, KEYS[2] board; ARGV[1] the layout's header. Answers the board,
   * an empty string when the seats hash is missing (nothing to show, whatever board is left), or nil when the board
   * is missing or was built for another layout.
   */
  private static final RedisScript<byte[]> READ_BOARD = RedisScript.of("""
      if redis.call('EXISTS', KEYS[1]) == 0 then
        return ''
      end
      local board = redis.call('GET', KEYS[2])
      if board and string.sub(board, 1, %d) == ARGV[1] then
        return board
      end
      return false
      """.formatted(SeatInventoryKeys.BOARD_HEADER), byte[].class);

  /**
   * Builds the grid and the board of a layout from the seats hash, in one step with the order service's scripts.
   * KEYS[1] seats, KEYS[2] grid, KEYS[3] board; ARGV[1] the layout's header, ARGV[2..] its seat ids in order. Answers
   * the board, or an empty string when the seats hash is missing (then nothing is written). Both keys live a day after
   * their build: a showtime nobody reads gives their memory back, and a board (or a grid) that expired is built again
   * on the next read, or deleted by the next script that cannot place a seat.
   */
  private static final RedisScript<byte[]> BUILD_BOARD = RedisScript.of("""
      if redis.call('EXISTS', KEYS[1]) == 0 then
        return ''
      end
      redis.call('DEL', KEYS[2])
      local codes = {}
      for i = 2, #ARGV do
        local seat = ARGV[i]
        redis.call('HSET', KEYS[2], seat, i - 2)
        local value = redis.call('HGET', KEYS[1], seat)
        local code = 'U'
        if value == 'A' then
          code = 'A'
        elseif value then
          code = string.sub(value, 1, 2) == 'S:' and 'S' or 'L'
        end
        codes[i - 1] = code
      end
      local board = ARGV[1] .. table.concat(codes)
      redis.call('SET', KEYS[3], board, 'EX', %d)
      redis.call('EXPIRE', KEYS[2], %d)
      return board
      """.formatted(BOARD_TTL_SECONDS, BOARD_TTL_SECONDS), byte[].class);

  /** Drops a showtime's inventory only when no seat is locked or sold, atomically with the order service's locks. */
  private static final DefaultRedisScript<Long> RETIRE_IF_UNSOLD = new DefaultRedisScript<>("""
      local values = redis.call('HVALS', KEYS[1])
      for i = 1, #values do
        local prefix = string.sub(values[i], 1, 2)
        if prefix == 'L:' or prefix == 'S:' then
          return 0
        end
      end
      redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
      return 1
      """, Long.class);

  private static final int CHUNK = 500;

  /** One build per showtime at a time in this instance: the others wait for it rather than each build it again. */
  private final ConcurrentHashMap<Long, CompletableFuture<byte[]>> building = new ConcurrentHashMap<>();

  private final StringRedisTemplate redis;
  private final SeatStatusReads reads;

  public SeatInventory(StringRedisTemplate redis, SeatStatusReads reads) {
    this.redis = redis;
    this.reads = reads;
  }

  public void initialise(long showtimeId, List<Long> seatIds) {
    List<String> key = List.of(SeatInventoryKeys.seats(showtimeId), SeatInventoryKeys.board(showtimeId));
    for (int from = 0; from < seatIds.size(); from += CHUNK) {
      List<Long> chunk = seatIds.subList(from, Math.min(seatIds.size(), from + CHUNK));
      redis.execute(INITIALISE, key, chunk.stream().map(String::valueOf).toArray(Object[]::new));
    }
  }

  /**
   * The public status of every seat of the layout, by the seat's place in it; empty when the inventory does not
   * exist. One small reply (the board) when the board is there for this layout; when it is not, it is built first.
   */
  public Optional<LiveSeats> statuses(long showtimeId, BoardLayout layout) {
    List<byte[]> keys = List.of(bytes(SeatInventoryKeys.seats(showtimeId)), bytes(SeatInventoryKeys.board(showtimeId)));
    byte[] board = reads.run(READ_BOARD, keys, layout.header);
    if (board != null && board.length == 0) {
      // the seats hash is missing: nothing to build from
      return Optional.empty();
    }
    if (board == null || !layout.fits(board)) {
      board = build(showtimeId, layout);
      if (board != null && board.length > 0 && !layout.fits(board)) {
        // the build this reader waited for was another layout's (a layout read across a hall edit): its own
        board = buildNow(showtimeId, layout);
      }
    }
    if (board == null || board.length == 0) {
      return Optional.empty();
    }
    if (!layout.fits(board)) {
      throw new IllegalStateException("the seat board of showtime " + showtimeId + " has " + board.length
          + " bytes for " + layout.seats + " seats");
    }
    return Optional.of(new LiveSeats(board));
  }

  /** Builds the board, or waits for the build another reader of this instance started for the same showtime. */
  private byte[] build(long showtimeId, BoardLayout layout) {
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> running = building.putIfAbsent(showtimeId, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    try {
      byte[] board = buildNow(showtimeId, layout);
      mine.complete(board);
      return board;
    } catch (Throwable e) {
      // whatever went wrong, the readers waiting for this build hear it and give their threads back
      mine.completeExceptionally(e);
      throw e;
    } finally {
      building.remove(showtimeId, mine);
    }
  }

  private byte[] buildNow(long showtimeId, BoardLayout layout) {
    List<byte[]> all = List.of(bytes(SeatInventoryKeys.seats(showtimeId)), bytes(SeatInventoryKeys.grid(showtimeId)),
        bytes(SeatInventoryKeys.board(showtimeId)));
    return reads.run(BUILD_BOARD, all, layout.buildArgs);
  }

  private static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A layout's seats in order, as its board is built: the header names them (the first 16 hex digits of a SHA-256
   * over the ids), so a board built for another seat list is never read as this one's. Make one per layout and keep it.
   */
  public static final class BoardLayout {

    private final byte[] header;
    private final int seats;
    private final Object[] buildArgs;

    public BoardLayout(long[] seatIds) {
      this.seats = seatIds.length;
      StringBuilder joined = new StringBuilder(seatIds.length * 20);
      this.buildArgs = new Object[seatIds.length + 1];
      for (int i = 0; i < seatIds.length; i++) {
        String id = Long.toString(seatIds[i]);
        joined.append(id).append(',');
        buildArgs[i + 1] = bytes(id);
      }
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes(joined.toString()));
        this.header = bytes(HexFormat.of().formatHex(digest, 0, SeatInventoryKeys.BOARD_HEADER / 2));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
      buildArgs[0] = header;
    }

    /** The header a board of these seats starts with. */
    String header() {
      return new String(header, StandardCharsets.US_ASCII);
    }

    /** Whether the board is one of these seats: their header, then one byte per seat. */
    boolean fits(byte[] board) {
      return board.length == header.length + seats && Arrays.equals(board, 0, header.length, header, 0, header.length);
    }
  }

  /** The public status of each seat of a layout, by its place in it; read-only. */
  public static final class LiveSeats {

    private final byte[] board;

    LiveSeats(byte[] board) {
      this.board = board;
    }

    /** AVAILABLE, LOCKED or SOLD; null for a seat the inventory does not hold (better unsellable than sold twice). */
    public String status(int index) {
      return switch (board[SeatInventoryKeys.BOARD_HEADER + index]) {
        case SeatInventoryKeys.BOARD_AVAILABLE -> "AVAILABLE";
        case SeatInventoryKeys.BOARD_LOCKED -> "LOCKED";
        case SeatInventoryKeys.BOARD_SOLD -> "SOLD";
        default -> null;
      };
    }
  }

  public boolean exists(long showtimeId) {
    return Boolean.TRUE.equals(redis.hasKey(SeatInventoryKeys.seats(showtimeId)));
  }

  /** Deletes the inventory if no seat in it is locked or sold; false when one is. A missing inventory counts as retired. */
  public boolean retireIfUnsold(long showtimeId) {
    Long retired = redis.execute(RETIRE_IF_UNSOLD,
        new ArrayList<>(List.of(SeatInventoryKeys.seats(showtimeId), SeatInventoryKeys.holdings(showtimeId),
            SeatInventoryKeys.grid(showtimeId), SeatInventoryKeys.board(showtimeId))));
    return retired != null && retired == 1L;
  }
}
