package com.ticketplatform.order.web;

import com.ticketplatform.common.web.Caller;
import com.ticketplatform.client.pay.PayClient;
import com.ticketplatform.client.pay.PaymentStartView;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.order.OrderErrors;
import com.ticketplatform.order.order.OrderLifecycle;
import com.ticketplatform.order.order.OrderRepository;
import com.ticketplatform.order.order.OrderStatus;
import com.ticketplatform.order.order.RefundPolicy;
import com.ticketplatform.order.placement.PlaceOrderService;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
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

@RestController
@RequestMapping("/api/orders")
public class OrderController {

  private final PlaceOrderService placing;
  private final OrderRepository orders;
  private final OrderLifecycle lifecycle;
  private final PayClient pay;
  private final RefundPolicy refunds;
  private final Clock clock;

  public OrderController(PlaceOrderService placing, OrderRepository orders, OrderLifecycle lifecycle, PayClient pay,
      RefundPolicy refunds, Clock clock) {
    this.refunds = refunds;
    this.placing = placing;
    this.orders = orders;
    this.lifecycle = lifecycle;
    this.pay = pay;
    this.clock = clock;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  public ResponseEntity<OrderView> place(Caller caller,
      @RequestHeader(value = AuthHeaders.IDEMPOTENCY_KEY, required = false) String key,
      @Valid @RequestBody PlaceOrderRequest request) {
    long userId = caller.requireUser();
    PlaceOrderService.Placed placed = placing.place(userId, key, request.showtimeId(), request.seatIds(),
        request.holderIds());
    return ResponseEntity.status(HttpStatus.CREATED).body(view(placed.order()));
  }

  @GetMapping("/{orderNo}")
  public OrderView get(Caller caller, @PathVariable long orderNo) {
    return view(own(caller.requireUser(), orderNo));
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
