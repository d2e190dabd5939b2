package com.ticketplatform.order.web;

import com.ticketplatform.common.web.Caller;
import com.ticketplatform.client.pay.PayClient;
import com.ticketplatform.client.pay.PaymentStartView;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.order.intake.IntentLedger;
import com.ticketplatform.order.intake.OrderEventStreams;
import com.ticketplatform.order.intake.OrderIntake;
import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.order.OrderErrors;
import com.ticketplatform.order.order.OrderLifecycle;
import com.ticketplatform.order.order.OrderRepository;
import com.ticketplatform.order.order.OrderStatus;
import com.ticketplatform.order.order.RefundPolicy;
import com.ticketplatform.order.placement.PlaceOrderService;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/orders")
public class OrderController {

  static final String PREFER = "Prefer";
  static final String RESPOND_ASYNC = "respond-async";
  static final String PREFERENCE_APPLIED = "Preference-Applied";

  private final PlaceOrderService placing;
  private final OrderIntake intake;
  private final IntentLedger ledger;
  private final OrderEventStreams streams;
  private final OrderRepository orders;
  private final OrderLifecycle lifecycle;
  private final PayClient pay;
  private final RefundPolicy refunds;
  private final Clock clock;

  public OrderController(PlaceOrderService placing, OrderIntake intake, IntentLedger ledger,
      OrderEventStreams streams, OrderRepository orders, OrderLifecycle lifecycle, PayClient pay, RefundPolicy refunds,
      Clock clock) {
    this.intake = intake;
    this.ledger = ledger;
    this.streams = streams;
    this.refunds = refunds;
    this.placing = placing;
    this.orders = orders;
    this.lifecycle = lifecycle;
    this.pay = pay;
    this.clock = clock;
  }

  /**
   * Places an order before answering (201), or, asked {@code Prefer: respond-async} (RFC 7240), decides the seats,
   * makes the order's intent durable and answers 202 with the order number, status PENDING and where to follow it
   * (docs/ARCHITECTURE.md §2 "Accepted orders"). A replay of a placed order's key is 201 either way.
   */
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @ApiResponse(responseCode = "201", description = "placed (or a replay of a placed order's key)",
      content = @Content(schema = @Schema(implementation = OrderView.class)))
  @ApiResponse(responseCode = "202", description = "accepted (Prefer: respond-async); follow it at Location",
      content = @Content(schema = @Schema(implementation = AcceptedOrderView.class)))
  public ResponseEntity<Object> place(Caller caller,
      @RequestHeader(value = AuthHeaders.IDEMPOTENCY_KEY, required = false) String key,
      @RequestHeader(value = PREFER, required = false) String prefer,
      @Valid @RequestBody PlaceOrderRequest request) {
    long userId = caller.requireUser();
    if (!respondAsync(prefer)) {
      PlaceOrderService.Placed placed = placing.place(userId, key, request.showtimeId(), request.seatIds(),
          request.holderIds());
      return ResponseEntity.status(HttpStatus.CREATED).body(view(placed.order()));
    }
    OrderIntake.Accepted accepted = intake.accept(userId, key, request.showtimeId(), request.seatIds(),
        request.holderIds());
    if (accepted.placed().isPresent()) {
      return ResponseEntity.status(HttpStatus.CREATED).body(view(accepted.placed().get()));
    }
    long orderNo = accepted.intent().orderNo();
    return ResponseEntity.accepted()
        .header(PREFERENCE_APPLIED, RESPOND_ASYNC)
        .location(URI.create("/api/orders/" + orderNo))
        .body(AcceptedOrderView.pending(accepted.intent()));
  }

  static boolean respondAsync(String prefer) {
    if (prefer == null) {
      return false;
    }
    for (String preference : prefer.split(",")) {
      if (preference.split(";")[0].trim().equalsIgnoreCase(RESPOND_ASYNC)) {
        return true;
      }
    }
    return false;
  }

  /** The order, or, before an accepted order is placed, its intent (PENDING or REJECTED). */
  @GetMapping("/{orderNo}")
  @ApiResponse(responseCode = "200", description = "the order, or an accepted order not placed (yet)",
      content = @Content(schema = @Schema(anyOf = {OrderView.class, AcceptedOrderView.class})))
  public Object get(Caller caller, @PathVariable long orderNo) {
    return current(caller.requireUser(), orderNo).view();
  }

  /**
   * Server-sent events ({@code order}) with the order as {@link #get} shows it, now and whenever it moves, until an
   * accepted order is placed or rejected.
   */
  @GetMapping(value = "/{orderNo}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ApiResponse(responseCode = "200", description = "events named order, each the order as GET shows it",
      content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
  public SseEmitter events(Caller caller, @PathVariable long orderNo) {
    long userId = caller.requireUser();
    current(userId, orderNo);
    return streams.open(orderNo, () -> current(userId, orderNo));
  }

  /**
   * The order, or its intent while it is not placed: an accepted order whose intent is still live is shown waiting
   * even if its saga has written the order (the saga may yet be undone), and one the database holds only as the
   * cancelled tombstone of a compensated saga is shown as its intent says (REJECTED and why).
   */
  private OrderEventStreams.Update current(long userId, long orderNo) {
    Optional<IntentLedger.State> state = ledger.find(orderNo).filter(s -> s.intent().userId() == userId);
    if (state.isPresent() && state.get().live()) {
      return new OrderEventStreams.Update(AcceptedOrderView.of(state.get()), false);
    }
    Optional<Order> order = orders.find(orderNo).filter(o -> o.userId() == userId);
    if (order.isPresent() && (state.isEmpty() || !PlaceOrderService.rolledBack(order.get()))) {
      return new OrderEventStreams.Update(view(order.get()), true);
    }
    return new OrderEventStreams.Update(AcceptedOrderView.of(state.orElseThrow(() -> ApiException.notFound("order"))),
        true);
  }

  @GetMapping
  public CursorPage<OrderView> list(Caller caller,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
    long userId = caller.requireUser();
    PageRequest page = PageRequest.of(cursor, size);
    List<OrderView> fetched = orders.listByUser(userId, page.afterLong(), page.size() + 1).stream()
        .map(this::view).toList();
    return page.page(fetched, v -> Long.toString(v.orderNo()));
  }

  @PostMapping("/{orderNo}/cancel")
  public OrderView cancel(Caller caller, @PathVariable long orderNo) {
    return view(lifecycle.cancelByUser(own(caller.requireUser(), orderNo)));
  }

  @PostMapping("/{orderNo}/payment")
  public PaymentStartView startPayment(Caller caller, @PathVariable long orderNo) {
    Order order = own(caller.requireUser(), orderNo);
    if (order.status() != OrderStatus.PENDING_PAYMENT || order.isExpired(clock.instant())) {
      throw ApiException.conflict(OrderErrors.ORDER_NOT_PAYABLE, "order is " + order.status()
          + (order.status() == OrderStatus.PENDING_PAYMENT ? " but its payment window has closed" : ""));
    }
    try {
      return pay.startPayment(orderNo);
    } catch (feign.FeignException.Conflict | feign.FeignException.UnprocessableEntity e) {
      // the pay flow is closed, already paid, expired or under review: retrying will not help
      throw ApiException.conflict(OrderErrors.ORDER_NOT_PAYABLE, "the payment of this order cannot be started");
    } catch (feign.FeignException e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "payment cannot be started right now");
    }
  }

  @PostMapping("/{orderNo}/refund")
  public OrderView refund(Caller caller, @PathVariable long orderNo) {
    return view(lifecycle.requestRefund(own(caller.requireUser(), orderNo)));
  }

  private OrderView view(Order order) {
    return OrderView.of(order, refunds);
  }

  /** Another user's order is reported exactly like a missing one. */
  private Order own(long userId, long orderNo) {
    return orders.find(orderNo).filter(o -> o.userId() == userId)
        .orElseThrow(() -> ApiException.notFound("order"));
  }
}
