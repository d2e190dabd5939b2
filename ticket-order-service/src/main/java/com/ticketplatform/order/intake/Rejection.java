package com.ticketplatform.order.intake;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.json.PublicIds;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why an accepted order was not placed: the problem the buyer would have had from a direct order (same status, code,
 * detail and members), kept with the intent and shown by {@code GET /api/orders/{orderNo}} and its event stream.
 */
public record Rejection(int status, String code, String detail,
    @Schema(description = "the problem's other members, e.g. seatIds",
        additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> properties) {

  /** The order number a replay found (the buyer's key had already made that order). */
  public static final String PLACED_AS = "placedAs";
  /** The order was not taken: nothing was kept, the buyer may try again (with the same key). */
  public static final String ORDER_NOT_TAKEN = "ORDER_NOT_TAKEN";

  /** The problem's members as a problem carries them (ids as strings, docs/ARCHITECTURE.md §6). */
  public static Rejection of(ApiException problem) {
    Map<String, Object> members = new LinkedHashMap<>();
    problem.properties().forEach((name, value) -> members.put(name, PublicIds.toWire(name, value)));
    return new Rejection(problem.status().value(), problem.code(), problem.getMessage(), members);
  }

  public static Rejection unavailable() {
    return new Rejection(503, ErrorCodes.SERVICE_UNAVAILABLE,
        "ordering is unavailable right now; nothing was kept, try again shortly", Map.of());
  }

  /** Given up by the sweep: never placed long after it was accepted. */
  public static Rejection lost() {
    return new Rejection(503, ORDER_NOT_TAKEN,
        "the order could not be placed in time; nothing was charged or kept, try again", Map.of());
  }

  /** The buyer's key had made another order already (its record in Redis was lost): this one is that one. */
  public static Rejection alreadyPlaced(long orderNo) {
    return new Rejection(409, ErrorCodes.IDEMPOTENCY_KEY_REUSED,
        "this request was already placed as another order", Map.of(PLACED_AS, Long.toString(orderNo)));
  }
}
