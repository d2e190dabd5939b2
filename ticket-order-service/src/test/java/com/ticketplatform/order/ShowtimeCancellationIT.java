package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.common.event.ProgramEvents;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.order.cancellation.ShowtimeCancellations;
import com.ticketplatform.order.support.OrderServiceITBase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cancelling a showtime settles its orders: the unpaid one is cancelled with its pay flow closed, the paid ones are
 * refunded in full, one already refunded is left alone — and a pay service that fails halfway (the crash of the
 * pass) only delays it: the next pass finishes the job, and nobody is refunded twice.
 */
class ShowtimeCancellationIT extends OrderServiceITBase {

  @Autowired ShowtimeCancellations cancellations;


  @Test
  void aCancelledShowtimeRefundsEveryPaidOrderOnceAndCancelsTheUnpaidOnesEvenAfterAFailedPass() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(20);
    long alice = randomUser();
    long bob = randomUser();
    long carol = randomUser();
    long dave = randomUser();
    long paidA = placePaid(alice, show, 1L, 2L);
    long paidB = placePaid(bob, show, 3L);
    long pending = place(carol, show, 4L);
    long refunded = placePaid(dave, show, 5L);
    assertThat(call("POST", "/api/orders/" + refunded + "/refund", dave, null, null).status()).isEqualTo(200);
    publishPayment(new PaymentEvents.PaymentRefunded(refunded, "pay-" + refunded, "refund-" + refunded, new BigDecimal("50.00"), "CNY"),
        refunded);
    await("order refunded", () -> "REFUNDED".equals(status(dave, refunded)));

    // the program service announces the cancellation while the pay service is down: the first pass fails halfway
    pay.down.set(true);
    ProgramEvents.ShowtimeChanged cancelled = new ProgramEvents.ShowtimeChanged(show.programId(),
        show.showtimeId(), "CANCELLED");
    kafka.send(Topics.PROGRAM_EVENTS, Long.toString(show.programId()), json.writeValueAsString(EventEnvelope.of(
        "ShowtimeChanged", Instant.now(), Long.toString(show.programId()), cancelled))).get();
    await("cancellation recorded", () -> cancellations.progress(show.showtimeId()).isPresent());
    await("paid orders refunding", () -> "REFUNDING".equals(status(alice, paidA))
        && "REFUNDING".equals(status(bob, paidB)));
    assertThat(status(carol, pending)).as("its pay flow could not be closed").isEqualTo("PENDING_PAYMENT");
    assertThat(cancellations.progress(show.showtimeId()).orElseThrow().finishedAt()).isNull();

    pay.down.set(false);
    cancellations.resume();

    assertThat(status(carol, pending)).isEqualTo("CANCELLED");
    assertThat(pay.status(pending)).isEqualTo("CLOSED");
    assertThat(seat(show.showtimeId(), 4)).isEqualTo("A");
    assertThat(pay.refunds).containsEntry(paidA, "showtime cancelled").containsEntry(paidB, "showtime cancelled")
        .as("refunded before, not again").containsEntry(refunded, "requested by buyer");
    assertThat(cancellations.progress(show.showtimeId()).orElseThrow().finishedAt())
        .as("still waiting for two refunds").isNull();

    for (long orderNo : new long[] {paidA, paidB}) {
      publishPayment(new PaymentEvents.PaymentRefunded(orderNo, "pay-" + orderNo, "refund-" + orderNo, new BigDecimal("50.00"), "CNY"),
          orderNo);
    }
    await("both refunded", () -> "REFUNDED".equals(status(alice, paidA)) && "REFUNDED".equals(status(bob, paidB)));
    cancellations.resume();
    cancellations.resume(); // a second run after the end changes nothing

    ShowtimeCancellations.Progress done = cancellations.progress(show.showtimeId()).orElseThrow();
    assertThat(done.finishedAt()).isNotNull();
    assertThat(done.ordersByStatus()).isEqualTo(Map.of("CANCELLED", 1L, "REFUNDED", 3L));
    assertThat(seat(show.showtimeId(), 1)).isEqualTo("A");

    Response progress = call("GET", "/api/admin/orders/showtimes/" + show.showtimeId() + "/cancellation", 1L,
        "ADMIN", null, null);
    assertThat(progress.status()).isEqualTo(200);
    assertThat(progress.body().path("ordersByStatus").path("REFUNDED").asLong()).isEqualTo(3);
    assertThat(call("GET", "/api/admin/orders/showtimes/" + show.showtimeId() + "/cancellation", alice,
        "CUSTOMER", null, null).status()).isEqualTo(403);
  }
}
