package com.ticketplatform.order.placement;

import java.time.Instant;
import java.util.List;

/**
 * An order accepted but not yet placed: what the buyer asked for, under the order number already answered. It travels
 * on {@code Topics.ORDER_INTENTS} (keyed by showtime) and is kept with its status in Redis until it is placed or
 * refused.
 *
 * @param holderIds null, or one of the buyer's ticket holders per seat (a real-name showtime)
 */
public record OrderIntent(long orderNo, long userId, long showtimeId, List<Long> seatIds, List<Long> holderIds,
    String idempotencyKey, String requestHash, Instant acceptedAt) {}
