package com.ticketplatform.order.eticket;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.order.order.TicketHolder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A buyer's e-tickets (docs/ARCHITECTURE.md §12): one signed code per ticket of a PAID order, made when asked for
 * with the current key, so a code shown at the door is never older than the app that shows it. Orders that are not
 * PAID have no codes: a refund or a cancellation revokes them at once.
 */
public class ETickets {

  private final JdbcTemplate jdbc;
  private final TicketSigner signer;
  private final ETicketProperties properties;

  public ETickets(JdbcTemplate jdbc, TicketSigner signer, ETicketProperties properties) {
    this.jdbc = jdbc;
    this.signer = signer;
    this.properties = properties;
  }

  /** One ticket of an order as its holder sees it: the code to show, and whether it has been used. */
  public record ETicket(long ticketId, long orderNo, long showtimeId, String seatLabel, String holder, String code,
      Instant validFrom, Instant validUntil, Instant usedAt) {}

  /** A PAID order with its e-tickets, as a confirmation shows them (the notify service's internal lookup). */
  public record IssuedOrder(long orderNo, long userId, long showtimeId, long cinemaId, String programTitle,
      Instant startsAt, BigDecimal amount, String currency, List<ETicket> tickets) {}

  private record OrderHead(long userId, String status, long showtimeId, long cinemaId, Instant startsAt,
      String programTitle, BigDecimal amount, String currency) {}

  /** The order's e-tickets; 404 for someone else's order (never revealing it exists), 409 when it is not PAID. */
  public List<ETicket> of(long buyer, long orderNo) {
    OrderHead order = head(orderNo).filter(o -> o.userId() == buyer)
        .orElseThrow(() -> ApiException.notFound("order"));
    return issued(orderNo, order);
  }

  /** Any order's e-tickets, for the platform's own services only: 404 when there is none, 409 when not PAID. */
  public IssuedOrder issuedOrder(long orderNo) {
    OrderHead order = head(orderNo).orElseThrow(() -> ApiException.notFound("order"));
    return new IssuedOrder(orderNo, order.userId(), order.showtimeId(), order.cinemaId(), order.programTitle(),
        order.startsAt(), order.amount(), order.currency(), issued(orderNo, order));
  }

  private Optional<OrderHead> head(long orderNo) {
    return jdbc.query("SELECT user_id, status, showtime_id, cinema_id, showtime_starts_at, program_title, amount,"
        + " currency FROM t_order WHERE order_no = ?", (rs, i) -> new OrderHead(rs.getLong(1), rs.getString(2),
            rs.getLong(3), rs.getLong(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getBigDecimal(7),
            rs.getString(8)), orderNo).stream().findFirst();
  }

  private List<ETicket> issued(long orderNo, OrderHead order) {
    if (!"PAID".equals(order.status())) {
      throw ApiException.conflict("TICKETS_NOT_ISSUED", "an order has e-tickets only while it is paid; this one is "
          + order.status());
    }
    Instant validFrom = order.startsAt().minus(properties.admitBefore());
    Instant validUntil = order.startsAt().plus(properties.admitAfter());
    int key = signer.currentKey();
    return jdbc.query("SELECT ticket_id, seat_label, checked_in_at, holder_name, holder_id_mask FROM t_order_ticket"
        + " WHERE order_no = ?"
        + " ORDER BY ticket_id", (rs, i) -> {
          long ticketId = rs.getLong(1);
          String seat = rs.getString(2);
          // a real-name ticket names its holder (masked ID number): the door compares it with the ID shown
          String holder = rs.getString(4) == null ? null : TicketHolder.shown(rs.getString(4), rs.getString(5));
          TicketCode code = new TicketCode(key, ticketId, orderNo, order.showtimeId(), order.cinemaId(), seat, holder,
              validFrom, validUntil);
          return new ETicket(ticketId, orderNo, order.showtimeId(), seat, holder, signer.sign(code), validFrom, validUntil,
              rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant());
        }, orderNo);
  }

  /** One ticket's code, for its QR code. */
  public ETicket one(long buyer, long orderNo, long ticketId) {
    return of(buyer, orderNo).stream().filter(t -> t.ticketId() == ticketId).findFirst()
        .orElseThrow(() -> ApiException.notFound("ticket"));
  }
}
