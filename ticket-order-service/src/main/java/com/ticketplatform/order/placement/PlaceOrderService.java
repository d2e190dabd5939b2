package com.ticketplatform.order.placement;

import com.ticketplatform.client.program.ProgramClient;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.order.OrderErrors;
import com.ticketplatform.order.order.OrderRepository;
import com.ticketplatform.order.order.OrderTicket;
import com.ticketplatform.order.saga.PlaceOrderCommand;
import com.ticketplatform.order.saga.PlaceOrderSaga;
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
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** POST /api/orders: validation, idempotency, pricing from the program service, then the place-order saga. */
@Service
public class PlaceOrderService {

  private final ProgramClient programs;
  private final PlaceOrderSaga saga;
  private final IdempotencyRecords idempotency;
  private final OrderRepository orders;
  private final SnowflakeIdGenerator ids;
  private final PlacementProperties props;
  private final SeatProperties seatProps;
  private final SeatInventory seats;
  private final PlacementAdmission admission;
  private final Clock clock;

  public PlaceOrderService(ProgramClient programs, PlaceOrderSaga saga, IdempotencyRecords idempotency,
      OrderRepository orders, SnowflakeIdGenerator ids, PlacementProperties props, SeatProperties seatProps,
      SeatInventory seats, PlacementAdmission admission, Clock clock) {
    this.programs = programs;
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
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
      throw ApiException.badRequest(ErrorCodes.IDEMPOTENCY_KEY_REQUIRED,
          "header Idempotency-Key (1..128 characters) is required");
    }
    Set<Long> distinct = new LinkedHashSet<>(seatIds);
    if (distinct.size() != seatIds.size()) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "seatIds must not repeat a seat");
    }
    if (seatIds.size() > seatProps.seatLimit()) {
      throw SeatRefusal.overLimit(seatProps.seatLimit(), -1);
    }
    // On a sell-out most requests ask for seats already gone: refuse those with one Redis read instead of an
    // idempotency claim, a price lookup and a saga that would only compensate. Only the rest wait for a turn.
    String requestHash = hash(showtimeId, seatIds);
    List<Long> taken = seats.takenByOthers(showtimeId, userId, seatIds);
    if (!taken.isEmpty()) {
      // a retry of a request that made an order (since expired, its seats taken by others) still gets that order
      Optional<Order> replayed = idempotency.completed(userId, PlaceOrderCommand.IDEMPOTENCY_SCOPE, idempotencyKey, requestHash)
          .flatMap(orders::find);
      if (replayed.isPresent()) {
        return new Placed(replayed.get(), true);
      }
      throw SeatRefusal.taken(taken);
    }
    return admission.admit(() -> claimAndPlace(userId, idempotencyKey, requestHash, showtimeId,
        new ArrayList<>(distinct)));
  }

  private Placed claimAndPlace(long userId, String idempotencyKey, String requestHash, long showtimeId,
      List<Long> seatIds) {
    IdempotencyRecords.Claim claim = idempotency.claim(userId, PlaceOrderCommand.IDEMPOTENCY_SCOPE, idempotencyKey,
        requestHash);
    if (!claim.owned()) {
      return new Placed(orders.find(claim.existingResourceId()).orElseThrow(), true);
    }
    PlaceOrderCommand command = null;
    boolean placed = false;
    try {
      command = command(userId, showtimeId, seatIds, idempotencyKey);
      // CreateOrder completes the key with the order number in the order's own transaction
      Order order = saga.place(command);
      placed = true;
      return new Placed(order, false);
    } finally {
      if (!placed) {
        // nothing was kept (a created order was cancelled by the compensation): a retry with this key runs anew
        idempotency.abandon(userId, PlaceOrderCommand.IDEMPOTENCY_SCOPE, idempotencyKey,
            command == null ? null : command.orderNo());
      }
    }
  }

  private PlaceOrderCommand command(long userId, long showtimeId, List<Long> seatIds, String idempotencyKey) {
    ShowtimeSaleInfo info;
    try {
      info = programs.saleInfo(showtimeId, seatIds);
    } catch (FeignException.NotFound e) {
      throw new ApiException(HttpStatus.NOT_FOUND, OrderErrors.SHOWTIME_NOT_FOUND, "showtime not found");
    } catch (FeignException e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "the program service is unavailable right now");
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
    long orderNo = ids.nextIdFor(userId);
    List<OrderTicket> tickets = seatIds.stream().map(bySeat::get)
        // prices at the scale the order tables keep (the program service refuses finer ones)
        .map(s -> new OrderTicket(ids.nextIdFor(userId), s.seatId(), s.label(),
            s.price().setScale(2, RoundingMode.UNNECESSARY))).toList();
    return new PlaceOrderCommand(orderNo, userId, info.programId(), showtimeId, info.cinemaId(),
        info.programTitle(), info.currency(), info.startsAt().truncatedTo(ChronoUnit.MILLIS), now,
        now.plus(props.paymentWindow()), tickets, idempotencyKey);
  }

  /** Same showtime and the same set of seats is the same request, whatever the order of the seat ids. */
  static String hash(long showtimeId, List<Long> seatIds) {
    String canonical = showtimeId + ":" + seatIds.stream().sorted().map(String::valueOf)
        .collect(Collectors.joining(","));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
