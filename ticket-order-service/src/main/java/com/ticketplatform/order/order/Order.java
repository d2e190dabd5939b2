package com.ticketplatform.order.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The order aggregate: owns its status and is the only place that decides whether a transition is legal. Plain Java
 * so the rules are tested without Spring; the repository persists a transition with an optimistic version check
 * ({@code status} and {@code version} as read), so two racing writers cannot both win.
 */
public final class Order {

  private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
      OrderStatus.PENDING_PAYMENT, EnumSet.of(OrderStatus.PAID, OrderStatus.CANCELLED),
      OrderStatus.PAID, EnumSet.of(OrderStatus.REFUNDING),
      OrderStatus.REFUNDING, EnumSet.of(OrderStatus.REFUNDED),
      OrderStatus.REFUNDED, EnumSet.noneOf(OrderStatus.class),
      OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class));

  private final long orderNo;
  private final long userId;
  private final long programId;
  private final long showtimeId;
  private final long cinemaId;
  private final String programTitle;
  private final BigDecimal amount;
  private final String currency;
  private final Instant showtimeStartsAt;
  private final Instant showtimeMovedAt;
  private final Instant expiresAt;
  private final Instant createdAt;
  private final List<OrderTicket> tickets;
  private OrderStatus status;
  private int version;
  private Instant paidAt;
  private String paymentId;
  private Instant closedAt;
  private String closeReason;
  private Instant updatedAt;

  private Order(Builder b) {
    this.orderNo = b.orderNo;
    this.userId = b.userId;
    this.programId = b.programId;
    this.showtimeId = b.showtimeId;
    this.cinemaId = b.cinemaId;
    this.programTitle = Objects.requireNonNull(b.programTitle, "programTitle");
    this.amount = Objects.requireNonNull(b.amount, "amount");
    this.currency = Objects.requireNonNull(b.currency, "currency");
    this.showtimeStartsAt = Objects.requireNonNull(b.showtimeStartsAt, "showtimeStartsAt");
    this.showtimeMovedAt = b.showtimeMovedAt;
    this.expiresAt = Objects.requireNonNull(b.expiresAt, "expiresAt");
    this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
    this.tickets = List.copyOf(b.tickets);
    this.status = Objects.requireNonNull(b.status, "status");
    this.version = b.version;
    this.paidAt = b.paidAt;
    this.paymentId = b.paymentId;
    this.closedAt = b.closedAt;
    this.closeReason = b.closeReason;
    this.updatedAt = b.updatedAt == null ? b.createdAt : b.updatedAt;
  }

  /** A new order awaiting payment; its seats were locked for it by the saga's first step. */
  public static Order place(long orderNo, long userId, long programId, long showtimeId, long cinemaId,
      String programTitle, String currency, Instant showtimeStartsAt, List<OrderTicket> tickets, Instant now,
      Instant expiresAt) {
    if (tickets.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one ticket");
    }
    BigDecimal amount = tickets.stream().map(OrderTicket::price).reduce(BigDecimal.ZERO, BigDecimal::add);
    return builder().orderNo(orderNo).userId(userId).programId(programId).showtimeId(showtimeId).cinemaId(cinemaId)
        .programTitle(programTitle).amount(amount).currency(currency).showtimeStartsAt(showtimeStartsAt)
        .expiresAt(expiresAt).createdAt(now).tickets(tickets).status(OrderStatus.PENDING_PAYMENT).version(0)
        .build();
  }

  public static boolean canTransition(OrderStatus from, OrderStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  private OrderStatus moveTo(OrderStatus target, Instant now) {
    if (!canTransition(status, target)) {
      throw new IllegalTransitionException(status, target);
    }
    OrderStatus previous = status;
    status = target;
    updatedAt = now;
    return previous;
  }

  public OrderStatus markPaid(String paymentId, Instant paidAt) {
    OrderStatus previous = moveTo(OrderStatus.PAID, paidAt);
    this.paymentId = paymentId;
    this.paidAt = paidAt;
    return previous;
  }

  /** Cancels an unpaid order (by its buyer, by expiry, or by the saga's compensation). */
  public OrderStatus cancel(String reason, Instant now) {
    OrderStatus previous = moveTo(OrderStatus.CANCELLED, now);
    this.closedAt = now;
    this.closeReason = reason;
    return previous;
  }

  /** A refund is only possible for a paid order whose showtime has not started yet. */
  public OrderStatus requestRefund(Instant now) {
    return requestRefund(now, RefundPolicy.UNTIL_START);
  }

  /** A refund is only possible for a paid order while the policy allows it ({@link #refundableUntil}). */
  public OrderStatus requestRefund(Instant now, RefundPolicy policy) {
    if (status == OrderStatus.PAID && !now.isBefore(refundableUntil(policy))) {
      throw new RefundWindowClosedException(orderNo);
    }
    return moveTo(OrderStatus.REFUNDING, now);
  }

  /** Until when (exclusive) the buyer may ask for a refund, were the order paid. */
  public Instant refundableUntil(RefundPolicy policy) {
    return policy.refundableUntil(showtimeStartsAt, showtimeMovedAt);
  }

  /** The show will not take place: a paid order is refunded in full, whenever it is and whatever was used. */
  public OrderStatus refundBecauseShowtimeCancelled(Instant now) {
    return moveTo(OrderStatus.REFUNDING, now);
  }

  public OrderStatus markRefunded(Instant now) {
    OrderStatus previous = moveTo(OrderStatus.REFUNDED, now);
    this.closedAt = now;
    this.closeReason = "REFUNDED";
    return previous;
  }

  public boolean isExpired(Instant now) {
    return status == OrderStatus.PENDING_PAYMENT && !now.isBefore(expiresAt);
  }

  public List<Long> seatIds() {
    return tickets.stream().map(OrderTicket::seatId).toList();
  }

  public long orderNo() {
    return orderNo;
  }

  public long userId() {
    return userId;
  }

  public long programId() {
    return programId;
  }

  public long showtimeId() {
    return showtimeId;
  }

  public long cinemaId() {
    return cinemaId;
  }

  public String programTitle() {
    return programTitle;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public Instant showtimeStartsAt() {
    return showtimeStartsAt;
  }

  /** When the cinema last moved the showtime to another start; null if it never did. */
  public Instant showtimeMovedAt() {
    return showtimeMovedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<OrderTicket> tickets() {
    return tickets;
  }

  public OrderStatus status() {
    return status;
  }

  public int version() {
    return version;
  }

  public Instant paidAt() {
    return paidAt;
  }

  public String paymentId() {
    return paymentId;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public String closeReason() {
    return closeReason;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Rehydrates an order from storage. */
  public static final class Builder {
    private long orderNo;
    private long userId;
    private long programId;
    private long showtimeId;
    private long cinemaId;
    private String programTitle;
    private BigDecimal amount;
    private String currency;
    private Instant showtimeStartsAt;
    private Instant showtimeMovedAt;
    private Instant expiresAt;
    private Instant createdAt;
    private List<OrderTicket> tickets = List.of();
    private OrderStatus status;
    private int version;
    private Instant paidAt;
    private String paymentId;
    private Instant closedAt;
    private String closeReason;
    private Instant updatedAt;

    public Builder orderNo(long v) { orderNo = v; return this; }
    public Builder userId(long v) { userId = v; return this; }
    public Builder programId(long v) { programId = v; return this; }
    public Builder showtimeId(long v) { showtimeId = v; return this; }
    public Builder cinemaId(long v) { cinemaId = v; return this; }
    public Builder programTitle(String v) { programTitle = v; return this; }
    public Builder amount(BigDecimal v) { amount = v; return this; }
    public Builder currency(String v) { currency = v; return this; }
    public Builder showtimeStartsAt(Instant v) { showtimeStartsAt = v; return this; }
    public Builder showtimeMovedAt(Instant v) { showtimeMovedAt = v; return this; }
    public Builder expiresAt(Instant v) { expiresAt = v; return this; }
    public Builder createdAt(Instant v) { createdAt = v; return this; }
    public Builder tickets(List<OrderTicket> v) { tickets = v; return this; }
    public Builder status(OrderStatus v) { status = v; return this; }
    public Builder version(int v) { version = v; return this; }
    public Builder paidAt(Instant v) { paidAt = v; return this; }
    public Builder paymentId(String v) { paymentId = v; return this; }
    public Builder closedAt(Instant v) { closedAt = v; return this; }
    public Builder closeReason(String v) { closeReason = v; return this; }
    public Builder updatedAt(Instant v) { updatedAt = v; return this; }

    public Order build() {
      return new Order(this);
    }
  }
}
