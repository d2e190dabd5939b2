package com.ticketplatform.comment.buyer;

import com.ticketplatform.client.order.OrderClient;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decides whether a user may rate a program: they must hold a PAID order for it. The answer comes from the
 * verified-buyer table fed by order events; only when that table has never heard of the (user, program) pair (the
 * event may not have arrived yet, or predates this service) is the order service asked. It is never taken from the
 * client. When neither source can answer, the request fails with 503 rather than letting anyone rate.
 */
@Component
public class BuyerVerifier {

  public static final String NOT_A_BUYER = "NOT_A_BUYER";
  private static final Logger log = LoggerFactory.getLogger(BuyerVerifier.class);

  private final VerifiedBuyerMapper buyers;
  private final OrderClient orders;

  public BuyerVerifier(VerifiedBuyerMapper buyers, OrderClient orders) {
    this.buyers = buyers;
    this.orders = orders;
  }

  public boolean isBuyer(long userId, long programId) {
    List<String> statuses = buyers.statuses(userId, programId);
    if (!statuses.isEmpty()) {
      return statuses.contains(OrderEventsListener.PAID);
    }
    try {
      OrderClient.PurchaseCheck check = orders.hasPurchased(userId, programId);
      return check != null && check.purchased();
    } catch (RuntimeException e) {
      log.warn("purchase check for user {} program {} failed: {}", userId, programId, e.toString());
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "cannot verify the purchase right now, retry later");
    }
  }

  public void requireBuyer(long userId, long programId) {
    if (!isBuyer(userId, programId)) {
      throw new ApiException(HttpStatus.FORBIDDEN, NOT_A_BUYER,
          "only customers with a paid order for this program may rate it");
    }
  }
}
