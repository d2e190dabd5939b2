package com.ticketplatform.pay.callback;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.pay.config.PayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The provider boundary: verify (signature, then timestamp window), parse, apply, and record every callback in
 * {@code t_callback_log} with its outcome, whatever the outcome, plus {@code ticket_pay_callbacks_total{outcome}}.
 */
@Service
public class CallbackService {

  private static final Logger log = LoggerFactory.getLogger(CallbackService.class);

  private final CallbackSignatureVerifier verifier;
  private final PaymentApplier applier;
  private final CallbackLogMapper callbackLog;
  private final ObjectMapper json;
  private final Clock clock;
  private final Map<CallbackOutcome, Counter> counters = new EnumMap<>(CallbackOutcome.class);

  public CallbackService(PayProperties properties, PaymentApplier applier, CallbackLogMapper callbackLog,
      ObjectMapper json, Clock clock, MeterRegistry meters) {
    this.verifier = new CallbackSignatureVerifier(properties.providerSecret(), properties.callbackTolerance());
    this.applier = applier;
    this.callbackLog = callbackLog;
    this.json = json;
    this.clock = clock;
    for (CallbackOutcome outcome : CallbackOutcome.values()) {
      counters.put(outcome, Counter.builder("ticket.pay.callbacks")
          .description("payment provider callbacks received, by outcome")
          .tag("outcome", outcome.tag())
          .register(meters));
    }
  }

  /** Larger than any real callback: not verified, and only its head is kept in the log. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  public CallbackOutcome handle(byte[] rawBody, String signature) {
    Instant received = clock.instant();
    if (rawBody.length > MAX_BODY_BYTES) {
      return record(CallbackOutcome.MALFORMED, null, null, signature, false,
          new String(rawBody, 0, 1024, StandardCharsets.UTF_8), "body of " + rawBody.length + " bytes", received);
    }
    String body = new String(rawBody, StandardCharsets.UTF_8);
    CallbackSignatureVerifier.Result verification = verifier.verify(signature, rawBody, received);
    if (verification == CallbackSignatureVerifier.Result.BAD_SIGNATURE) {
      return record(CallbackOutcome.FORGED, null, null, signature, false, body, "signature does not verify",
          received);
    }
    if (verification == CallbackSignatureVerifier.Result.STALE) {
      return record(CallbackOutcome.STALE, null, null, signature, true, body, "timestamp outside the window",
          received);
    }
    ProviderNotice notice;
    try {
      notice = parse(body);
    } catch (RuntimeException e) {
      return record(CallbackOutcome.MALFORMED, null, null, signature, true, body, "unreadable body", received);
    }
    CallbackOutcome outcome = applier.apply(notice);
    return record(outcome, notice.orderNo(), notice.paymentId(), signature, true, body, null, received);
  }

  private ProviderNotice parse(String body) {
    JsonNode node = readTree(body);
    String status = node.path("status").asText();
    if (!status.equals("SUCCESS") && !status.equals("FAILURE")) {
      throw new IllegalArgumentException("status " + status);
    }
    String paymentId = node.path("paymentId").asText();
    if (paymentId.isBlank()) {
      throw new IllegalArgumentException("paymentId");
    }
    JsonNode paidAt = node.path("paidAt");
    return new ProviderNotice(Long.parseLong(node.path("merchantOrderNo").asText()), paymentId,
        new BigDecimal(node.path("amount").asText()), node.path("currency").asText(), status.equals("SUCCESS"),
        paidAt.isTextual() ? Instant.parse(paidAt.asText()) : null);
  }

  private JsonNode readTree(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  private CallbackOutcome record(CallbackOutcome outcome, Long orderNo, String paymentId, String signature,
      boolean signatureValid, String body, String detail, Instant received) {
    counters.get(outcome).increment();
    try {
      callbackLog.insert(orderNo, paymentId, truncate(signature, 255), signatureValid, body, outcome.tag(), detail,
          received);
    } catch (RuntimeException e) {
      // the audit row must not turn an applied payment into an error the provider would retry forever
      log.error("could not record callback ({}) for order {}", outcome.tag(), orderNo, e);
    }
    if (outcome != CallbackOutcome.OK && outcome != CallbackOutcome.REPLAY) {
      log.info("callback for order {} payment {}: {}", orderNo, paymentId, outcome.tag());
    }
    return outcome;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
