package com.ticketplatform.order.web;

import com.ticketplatform.client.order.OrderClient;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.order.eticket.ETickets;
import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.order.OrderRepository;
import com.ticketplatform.order.order.OrderStatus;
import com.ticketplatform.order.seat.InventoryRebuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The internal contract {@link OrderClient} (not routed by the gateway). */
@RestController
@RequestMapping("/internal/orders")
public class InternalOrderController implements OrderClient {

  private final OrderRepository orders;
  private final InventoryRebuilder rebuilder;
  private final ETickets eTickets;

  public InternalOrderController(OrderRepository orders, InventoryRebuilder rebuilder, ETickets eTickets) {
    this.orders = orders;
    this.rebuilder = rebuilder;
    this.eTickets = eTickets;
  }

  @Override
  public InventoryRebuild rebuildInventoryIfMissing(long showtimeId) {
    return new InventoryRebuild(showtimeId, rebuilder.rebuildIfMissing(showtimeId));
  }

  @Override
  public PurchaseCheck hasPurchased(long userId, long programId) {
    return new PurchaseCheck(userId, programId, orders.hasPaidOrder(userId, programId));
  }

  @Override
  public OrderState state(long orderNo) {
    Order order = orders.find(orderNo).orElseThrow(() -> ApiException.notFound("order"));
    return new OrderState(orderNo, order.status().name());
  }

  @Override
  public OrderStates states(OrderStatesQuery query) {
    List<Long> orderNos = query == null || query.orderNos() == null ? List.of() : query.orderNos();
    if (orderNos.isEmpty() || orderNos.size() > MAX_STATES || orderNos.contains(null)) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED,
          "orderNos must list 1.." + MAX_STATES + " order numbers");
    }
    Map<Long, OrderStatus> statuses = orders.statuses(Set.copyOf(orderNos));
    return new OrderStates(statuses.entrySet().stream()
        .map(e -> new OrderState(e.getKey(), e.getValue().name())).toList());
  }

  @Override
  public OrderTickets tickets(long orderNo) {
    ETickets.IssuedOrder order = eTickets.issuedOrder(orderNo);
    return new OrderTickets(orderNo, order.userId(), order.showtimeId(), order.cinemaId(), order.programTitle(),
        order.startsAt(), order.amount(), order.currency(), order.tickets().stream()
            .map(t -> new TicketLine(t.ticketId(), t.seatLabel(), t.code())).toList());
  }
}
