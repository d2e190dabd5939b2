package com.ticketplatform.order.placement;

import com.ticketplatform.client.program.ProgramClient;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.order.OrderErrors;
import com.ticketplatform.order.order.OrderRepository;
import com.ticketplatform.order.order.OrderStatus;
import com.ticketplatform.order.order.OrderTicket;
import com.ticketplatform.order.order.TicketHolder;
import com.ticketplatform.order.saga.PlaceOrderCommand;
import com.ticketplatform.order.saga.PlaceOrderSaga;
import com.ticketplatform.order.saga.PlaceOrdersCommand;
import com.ticketplatform.order.saga.PlaceOrderSteps;
import com.ticketplatform.order.saga.SeataPlaceOrderSaga;
import com.ticketplatform.order.seat.SeatClaims;
import com.ticketplatform.order.seat.SeatInventory;
import com.ticketplatform.order.seat.SeatProperties;
import com.ticketplatform.order.seat.SeatRefusal;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import feign.FeignException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** POST /api/orders: validation, idempotency, pricing from the program service, then the place-order saga. */
@Service
public class PlaceOrderService {

  private static final Logger log = LoggerFactory.getLogger(PlaceOrderService.class);

  private final ProgramClient programs;
  private final PlaceOrderSaga saga;
  private final IdempotencyRecords idempotency;
  private final OrderRepository orders;
  private final SnowflakeIdGenerator ids;
  private final PlacementProperties props;
  private final SeatProperties seatProps;
  private final SeatInventory seats;
  private final SeatClaims claims;
  private final PlacementAdmission admission;
  private final RealNames holders;
  private final TransactionTemplate tx;
  private final Clock clock;

  public PlaceOrderService(ProgramClient programs, PlaceOrderSaga saga, IdempotencyRecords idempotency,
      OrderRepository orders, SnowflakeIdGenerator ids, PlacementProperties props, SeatProperties seatProps,
      SeatInventory seats, SeatClaims claims, PlacementAdmission admission, RealNames holders,
      TransactionTemplate tx, Clock clock) {
    this.tx = tx;
    this.claims = claims;
    this.programs = programs;
    this.holders = holders;
    this.admission = admission;
    this.seats = seats;
    this.saga = saga;
    this.idempotency = idempotency;
    this.orders = orders;
    this.ids = ids;
    this.props = props;
    this.seatProps = seatProps;
    this.clock = clock;
  }

  public record Placed(Order order, boolean replay) {}

  public Placed place(long userId, String idempotencyKey, long showtimeId, List<Long> seatIds) {
    return place(userId, idempotencyKey, showtimeId, seatIds, null);
  }

  /** {@code holderIds}: null, or one of the buyer's ticket holders per seat (a real-name showtime). */
  public Placed place(long userId, String idempotencyKey, long showtimeId, List<Long> seatIds, List<Long> holderIds) {
    String requestHash = check(idempotencyKey, showtimeId, seatIds, holderIds);
    // On a sell-out most requests ask for seats already gone: refuse those with one Redis read instead of an
    // idempotency claim, a price lookup and a saga that would only compensate. Only the rest wait for a turn.
    Optional<Order> replayed = refuseIfTaken(userId, idempotencyKey, requestHash, showtimeId, seatIds);
    if (replayed.isPresent()) {
      return new Placed(replayed.get(), true);
    }
    return admission.admit(() -> claimAndPlace(userId, idempotencyKey, requestHash, showtimeId,
        List.copyOf(new LinkedHashSet<>(seatIds)), holderIds));
  }

  /**
   * What every order request must be, whichever way it is placed: a key, distinct seats within the limit, one holder
   * per seat when holders are named. Answers the request's hash (what its Idempotency-Key remembers of it).
   */
  public String check(String idempotencyKey, long showtimeId, List<Long> seatIds, List<Long> holderIds) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
      throw ApiException.badRequest(ErrorCodes.IDEMPOTENCY_KEY_REQUIRED,
          "header Idempotency-Key (1..128 characters) is required");
    }
    Set<Long> distinct = new LinkedHashSet<>(seatIds);
    if (distinct.size() != seatIds.size()) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "seatIds must not repeat a seat");
    }
    if (holderIds != null && holderIds.size() != seatIds.size()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, "request is invalid",
          Map.of("errors", Map.of("holderIds", "must name one holder per seat, in the order of seatIds")));
    }
    if (seatIds.size() > seatProps.seatLimit()) {
      throw SeatRefusal.overLimit(seatProps.seatLimit(), -1);
    }
    return hash(showtimeId, seatIds, holderIds);
  }

  /**
   * The fast refusal of a hopeless request (seats others visibly hold: one HMGET). A retry of a request that made an
   * order (since expired, its seats taken by others) is not refused: it answers that order.
   */
  public Optional<Order> refuseIfTaken(long userId, String idempotencyKey, String requestHash, long showtimeId,
      List<Long> seatIds) {
    List<Long> taken = seats.takenByOthers(showtimeId, userId, seatIds);
    if (taken.isEmpty()) {
      return Optional.empty();
    }
    Optional<Order> replayed = replayOf(userId, idempotencyKey, requestHash);
    if (replayed.isPresent()) {
      return replayed;
    }
    throw SeatRefusal.taken(taken);
  }

  /**
   * The order with this number, unless it is only the cancelled tombstone a compensated saga leaves (so that a late
   * CreateOrder cannot bring it back): such an order was never placed.
   */
  public Optional<Order> placed(long orderNo) {
    return orders.find(orderNo).filter(o -> !rolledBack(o));
  }

  public static boolean rolledBack(Order order) {
    return order.status() == OrderStatus.CANCELLED && PlaceOrderSteps.SAGA_ROLLBACK.equals(order.closeReason());
  }

  /** The order a finished request with this key and body made, if any (from the database's key records). */
  public Optional<Order> replayOf(long userId, String idempotencyKey, String requestHash) {
    return idempotency.completed(userId, PlaceOrderCommand.IDEMPOTENCY_SCOPE, idempotencyKey, requestHash)
        .flatMap(orders::find);
  }

  /**
   * Makes an accepted order ready for its batch's saga (docs/ARCHITECTURE.md §2 "Accepted orders"): its seats are
   * locked under its number by the intake; here its key is claimed in the database and its price read, as for a
   * direct order. Answers the saga's command, or the order itself when this key already placed it. Throws the refusal
   * the buyer gets, having given the seats back; a key the database shows used by another order (the intake's record
   * was lost with Redis) is {@link AlreadyPlaced}. {@code saleInfo}: the showtime's, read once for a batch of intents
   * (null: read it here). {@code keyClaimed}: its key was claimed already, with the rest of its batch
   * ({@link #claimKeysTogether}); otherwise it is claimed here.
   */
  public Prepared prepareAccepted(OrderIntent intent, ShowtimeSaleInfo saleInfo, boolean keyClaimed) {
    IdempotencyRecords.Claim claim;
    try {
      claim = keyClaimed ? new IdempotencyRecords.Claim(true, null) : idempotency.claim(intent.userId(),
          PlaceOrderCommand.IDEMPOTENCY_SCOPE, intent.idempotencyKey(), intent.requestHash());
    } catch (RuntimeException e) {
      seats.releaseLocked(intent.showtimeId(), intent.orderNo(), intent.userId(), intent.seatIds());
      throw e;
    }
    if (!claim.owned()) {
      Optional<Order> existing = placed(claim.existingResourceId());
      if (claim.existingResourceId() == intent.orderNo() && existing.isPresent()) {
        return new Prepared(null, existing.get());
      }
      seats.releaseLocked(intent.showtimeId(), intent.orderNo(), intent.userId(), intent.seatIds());
      throw new AlreadyPlaced(claim.existingResourceId());
    }
    try {
      return new Prepared(command(intent.orderNo(), intent.userId(), intent.showtimeId(), intent.seatIds(),
          intent.holderIds(), intent.idempotencyKey(), saleInfo), null);
    } catch (RuntimeException e) {
      idempotency.abandon(intent.userId(), PlaceOrderCommand.IDEMPOTENCY_SCOPE, intent.idempotencyKey(), null);
      seats.releaseLocked(intent.showtimeId(), intent.orderNo(), intent.userId(), intent.seatIds());
      throw e;
    }
  }

  /**
   * The database keys of a batch's accepted orders claimed with one statement (they are almost always new: the
   * intake took each key once in Redis). True when all were new and are claimed now; false when any was not, or the
   * statement failed: then none is, and each intent claims its own ({@link #prepareAccepted}), as one alone would.
   */
  public boolean claimKeysTogether(List<OrderIntent> intents) {
    if (intents.isEmpty()) {
      return true;
    }
    Set<String> distinct = new HashSet<>();
    List<IdempotencyRecords.Wanted> wanted = new ArrayList<>(intents.size());
    for (OrderIntent intent : intents) {
      if (!distinct.add(intent.userId() + ":" + intent.idempotencyKey())) {
        return false; // one key twice in a batch (a re-sent intent): the first claims it, the second finds it
      }
      wanted.add(new IdempotencyRecords.Wanted(intent.userId(), intent.idempotencyKey(), intent.requestHash()));
    }
    try {
      return Boolean.TRUE.equals(tx.execute(status -> {
        if (!idempotency.claimAllNew(PlaceOrderCommand.IDEMPOTENCY_SCOPE, wanted)) {
          status.setRollbackOnly();
          return false;
        }
        return true;
      }));
    } catch (RuntimeException e) {
      log.warn("the keys of {} accepted order(s) could not be claimed together; each claims its own: {}",
          intents.size(), e.toString());
      return false;
    }
  }

  /** An accepted order ready to place ({@code command}), or placed already by its key ({@code order}). */
  public record Prepared(PlaceOrderCommand command, Order order) {}

  /**
   * Places prepared accepted orders with one saga. Answers the refusal of each order that was not placed (its key
   * abandoned, so a retry with it runs anew), or {@link SeataPlaceOrderSaga.InDoubt} for one whose outcome is not
   * known yet (its key stays claimed until its saga's log says); every other order was placed.
   */
  public Map<Long, RuntimeException> placeTogether(List<PlaceOrderCommand> commands) {
    Map<Long, RuntimeException> outcome = new HashMap<>(
        saga.placeTogether(new PlaceOrdersCommand(ids.nextId(), commands)));
    // belt and braces: an order the saga answered placed is one that stands as written (a saga undone by its
    // recovery while it still ran would otherwise be reported placed)
    List<Long> placed = commands.stream().map(PlaceOrderCommand::orderNo).filter(n -> !outcome.containsKey(n))
        .toList();
    Map<Long, OrderStatus> statuses = placed.isEmpty() ? Map.of() : orders.statuses(placed);
    for (long orderNo : placed) {
      if (statuses.get(orderNo) != OrderStatus.PENDING_PAYMENT) {
        outcome.put(orderNo, SeataPlaceOrderSaga.notPlaced());
      }
    }
    for (PlaceOrderCommand c : commands) {
      RuntimeException refusal = outcome.get(c.orderNo());
      // an order in doubt keeps its key claimed until its saga's log says (the sweep)
      if (refusal != null && !(refusal instanceof SeataPlaceOrderSaga.InDoubt)) {
        idempotency.abandon(c.userId(), PlaceOrderCommand.IDEMPOTENCY_SCOPE, c.idempotencyKey(), c.orderNo());
      }
    }
    return outcome;
  }

  /**
   * An accepted order given up with nothing kept (never placed, or undone): its seats in Redis and the database and
   * the key its placement claimed in the database are freed, as after any failed order.
   */
  public void giveUp(OrderIntent intent) {
    seats.releaseLocked(intent.showtimeId(), intent.orderNo(), intent.userId(), intent.seatIds());
    claims.release(intent.showtimeId(), intent.orderNo(), intent.userId());
    idempotency.abandon(intent.userId(), PlaceOrderCommand.IDEMPOTENCY_SCOPE, intent.idempotencyKey(),
        intent.orderNo());
  }

  /** The buyer's key already made another order: this request is that one, and makes nothing. */
  public static final class AlreadyPlaced extends RuntimeException {
    private final long orderNo;

    AlreadyPlaced(long orderNo) {
      super("already placed as order " + orderNo, null, false, false);
      this.orderNo = orderNo;
    }

    public long orderNo() {
      return orderNo;
    }
  }

  private Placed claimAndPlace(long userId, String idempotencyKey, String requestHash, long showtimeId,
      List<Long> seatIds, List<Long> holderIds) {
    IdempotencyRecords.Claim claim = idempotency.claim(userId, PlaceOrderCommand.IDEMPOTENCY_SCOPE, idempotencyKey,
        requestHash);
    if (!claim.owned()) {
      return new Placed(orders.find(claim.existingResourceId()).orElseThrow(), true);
    }
    PlaceOrderCommand command = null;
    boolean placed = false;
    boolean inDoubt = false;
    try {
      command = command(ids.nextIdFor(userId), userId, showtimeId, seatIds, holderIds, idempotencyKey, null);
      // CreateOrder completes the key with the order number in the order's own transaction
      Order order = saga.place(command);
      placed = true;
      return new Placed(order, false);
    } catch (SeataPlaceOrderSaga.InDoubt e) {
      // the saga may still finish forward (its recovery decides): the key stays claimed, so a retry waits for it
      // or, once the claim times out, runs anew, and never places a second order beside one that did finish
      inDoubt = true;
      throw e;
    } finally {
      if (!placed && !inDoubt) {
        // nothing was kept (a created order was cancelled by the compensation): a retry with this key runs anew
        idempotency.abandon(userId, PlaceOrderCommand.IDEMPOTENCY_SCOPE, idempotencyKey,
            command == null ? null : command.orderNo());
      }
    }
  }

  /**
   * The showtime's sale info (status, start, the seats' prices) for these seats, as the program service answers it
   * now; its refusals in the buyer's words.
   */
  public ShowtimeSaleInfo saleInfo(long showtimeId, Collection<Long> seatIds) {
    try {
      return programs.saleInfo(showtimeId, seatIds);
    } catch (FeignException.NotFound e) {
      throw new ApiException(HttpStatus.NOT_FOUND, OrderErrors.SHOWTIME_NOT_FOUND, "showtime not found");
    } catch (FeignException e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "the program service is unavailable right now");
    }
  }

  /** {@code info}: the showtime's sale info read for these seats (or more), or null to read it now. */
  private PlaceOrderCommand command(long orderNo, long userId, long showtimeId, List<Long> seatIds,
      List<Long> holderIds, String idempotencyKey, ShowtimeSaleInfo info) {
    if (info == null) {
      info = saleInfo(showtimeId, seatIds);
    }
    // the order's times as the database keeps them (milliseconds), so the answer equals every later read of it
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (!"ON_SALE".equals(info.status()) || !now.isBefore(info.startsAt())) {
      throw ApiException.unprocessable(OrderErrors.SHOWTIME_NOT_ON_SALE, "this showtime is not on sale");
    }
    Map<Long, ShowtimeSaleInfo.SeatPrice> bySeat = info.seats().stream()
        .collect(Collectors.toMap(ShowtimeSaleInfo.SeatPrice::seatId, Function.identity(), (a, b) -> a));
    List<Long> unknown = seatIds.stream().filter(s -> !bySeat.containsKey(s)).toList();
    if (!unknown.isEmpty()) {
      throw SeatRefusal.unknown(unknown);
    }
    List<TicketHolder> named = holders.name(userId, info.realNameCap(), seatIds, holderIds);
    List<OrderTicket> tickets = new ArrayList<>();
    for (int i = 0; i < seatIds.size(); i++) {
      ShowtimeSaleInfo.SeatPrice seat = bySeat.get(seatIds.get(i));
      // prices at the scale the order tables keep (the program service refuses finer ones)
      tickets.add(new OrderTicket(ids.nextIdFor(userId), seat.seatId(), seat.label(),
          seat.price().setScale(2, RoundingMode.UNNECESSARY), named.isEmpty() ? null : named.get(i)));
    }
    return new PlaceOrderCommand(orderNo, userId, info.programId(), showtimeId, info.cinemaId(),
        info.programTitle(), info.currency(), info.startsAt().truncatedTo(ChronoUnit.MILLIS), now,
        now.plus(props.paymentWindow()), tickets, idempotencyKey, info.realNameCap());
  }

  /**
   * Same showtime and the same set of seats (each with the same holder, when named) is the same request, whatever the
   * order of the seat ids.
   */
  public static String hash(long showtimeId, List<Long> seatIds, List<Long> holderIds) {
    String canonical;
    if (holderIds == null) {
      canonical = showtimeId + ":" + seatIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    } else {
      Map<Long, Long> holderBySeat = new TreeMap<>();
      for (int i = 0; i < seatIds.size(); i++) {
        holderBySeat.put(seatIds.get(i), holderIds.get(i));
      }
      canonical = showtimeId + ":" + holderBySeat.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(","));
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
