package com.ticketplatform.pay.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.pay.callback.CallbackOutcome;
import com.ticketplatform.pay.callback.CallbackService;
import com.ticketplatform.pay.callback.CallbackSignatureVerifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's webhook (public, routed by the gateway). The body is taken as raw bytes: the signature covers
 * exactly what was sent. 2xx tells the provider to stop retrying, so it is answered only when the callback is
 * settled (applied now, applied before, declined, or refunded because the order was gone).
 */
@RestController
public class CallbackController {

  public static final String BAD_SIGNATURE = "BAD_SIGNATURE";
  public static final String STALE_CALLBACK = "STALE_CALLBACK";
  public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
  public static final String MALFORMED_CALLBACK = "MALFORMED_CALLBACK";

  private final CallbackService callbacks;

  public CallbackController(CallbackService callbacks) {
    this.callbacks = callbacks;
  }

  public record CallbackAck(String result) {}

  @PostMapping(path = "/pay/callback")
  public CallbackAck callback(@RequestBody(required = false) byte[] body,
      @RequestHeader(name = CallbackSignatureVerifier.HEADER, required = false) String signature) {
    CallbackOutcome outcome = callbacks.handle(body == null ? new byte[0] : body, signature);
    return switch (outcome) {
      case OK -> new CallbackAck("applied");
      case REPLAY -> new CallbackAck("already applied");
      case FAILED -> new CallbackAck("decline recorded");
      case LATE_REFUNDED -> new CallbackAck("order no longer payable: payment refunded");
      case FORGED -> throw new ApiException(HttpStatus.UNAUTHORIZED, BAD_SIGNATURE, "signature does not verify");
      case STALE -> throw ApiException.badRequest(STALE_CALLBACK, "callback timestamp outside the accepted window");
      case AMOUNT_MISMATCH -> throw ApiException.badRequest(AMOUNT_MISMATCH,
          "amount or currency differs from the pay flow's; flagged for review");
      case UNKNOWN_ORDER -> throw new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "unknown order");
      case MALFORMED -> throw ApiException.badRequest(MALFORMED_CALLBACK, "callback body not understood");
    };
  }

}
