package com.ticketplatform.sandbox.web;

import com.ticketplatform.sandbox.SandboxProperties;
import com.ticketplatform.sandbox.payment.CallbackDispatcher;
import com.ticketplatform.sandbox.payment.PaymentStore;
import com.ticketplatform.sandbox.payment.SandboxException;
import com.ticketplatform.sandbox.payment.SandboxPayment;
import com.ticketplatform.sandbox.payment.SandboxRefund;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/** The provider's merchant API, its hosted pay page, and test levers (duplicates, delay, silent payments). */
@RestController
@RequestMapping("/sandbox")
public class SandboxController {

  private final PaymentStore store;
  private final CallbackDispatcher dispatcher;
  private final SandboxProperties properties;

  public SandboxController(PaymentStore store, CallbackDispatcher dispatcher, SandboxProperties properties) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.properties = properties;
  }

  public record CreatePaymentRequest(@NotBlank String merchantOrderNo, @NotNull @DecimalMin("0.01") BigDecimal amount,
      @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency, @NotBlank String notifyUrl) {}

  public record CreatePaymentResponse(String paymentId, String payUrl, String status) {}

  public record CompleteRequest(@NotBlank @Pattern(regexp = "SUCCESS|FAILURE") String outcome) {}

  public record CompleteResponse(String paymentId, String status, boolean callbackScheduled) {}

  public record RefundApiRequest(@NotBlank String paymentId, @NotNull @DecimalMin("0.01") BigDecimal amount,
      String idempotencyKey) {}

  /** Idempotent: the same merchantOrderNo (or a repeated Idempotency-Key for it) returns the same payment. */
  @PostMapping("/payments")
  @ResponseStatus(HttpStatus.CREATED)
  public CreatePaymentResponse create(@Valid @RequestBody CreatePaymentRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (!request.notifyUrl().matches(properties.notifyUrlPattern())) {
      throw new SandboxException(HttpStatus.UNPROCESSABLE_ENTITY, "NOTIFY_URL_NOT_ALLOWED",
          "notifyUrl is not the merchant's registered callback URL");
    }
    SandboxPayment payment = store.create(request.merchantOrderNo(), request.amount(), request.currency(),
        request.notifyUrl());
    return new CreatePaymentResponse(payment.paymentId(), payUrl(payment.paymentId()), payment.status().name());
  }

  @GetMapping("/payments")
  public List<SandboxPayment.PaymentView> list(@RequestParam(required = false) Instant since) {
    return store.since(since).stream().map(SandboxPayment::view).toList();
  }

  @GetMapping("/payments/{paymentId}")
  public SandboxPayment.PaymentView get(@PathVariable String paymentId) {
    return store.get(paymentId).view();
  }

  /**
   * The hosted pay page: what the customer sees after being redirected to payUrl. With {@code returnUrl} (an http or
   * https address of the merchant's site, as real providers take it), the page sends the customer back there once
   * the payment is decided, with {@code payment=SUCCESS} or {@code payment=FAILURE} added; the callback, not this
   * return, is what tells the merchant the payment's outcome.
   */
  @GetMapping(value = "/pay/{paymentId}", produces = MediaType.TEXT_HTML_VALUE)
  public String payPage(@PathVariable String paymentId, @RequestParam(required = false) String returnUrl) {
    SandboxPayment.PaymentView p = store.get(paymentId).view();
    String id = HtmlUtils.htmlEscape(p.paymentId());
    String back = returnTarget(returnUrl);
    String backLink = back == null ? ""
        : "<p><a id=\"back\" href=\"" + HtmlUtils.htmlEscape(back) + "\">Return to the merchant</a></p>";
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sandbox payment</title></head>
        <body style="font-family:sans-serif;max-width:28em;margin:3em auto;padding:0 1em">
        <h1>Sandbox payment</h1>
        <p>Order <b>%s</b>: <b>%s %s</b> (status <b id="status">%s</b>)</p>
        <button onclick="complete('SUCCESS')">Pay</button> <button onclick="complete('FAILURE')">Fail</button>
        <p id="result"></p>
        %s
        <script>
        function complete(outcome) {
          fetch('%s/complete', {method: 'POST', headers: {'Content-Type': 'application/json'},
                body: JSON.stringify({outcome: outcome})})
            .then(r => r.json()).then(j => {
              document.getElementById('status').textContent = j.status || j.code;
              document.getElementById('result').textContent = JSON.stringify(j);
              const back = document.getElementById('back');
              if (back && j.status) {
                const url = new URL(back.href);
                url.searchParams.set('payment', outcome);
                setTimeout(() => window.location.assign(url.toString()), 600);
              }
            });
        }
        </script>
        </body></html>
        """.formatted(HtmlUtils.htmlEscape(p.merchantOrderNo()), p.amount().toPlainString(),
        HtmlUtils.htmlEscape(p.currency()), p.status(), backLink, id);
  }

  /** The merchant page to send the customer back to: an absolute http(s) address, else none. */
  static String returnTarget(String returnUrl) {
    if (returnUrl == null || returnUrl.isBlank()) {
      return null;
    }
    try {
      java.net.URI uri = new java.net.URI(returnUrl);
      String scheme = uri.getScheme();
      boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return web && uri.getHost() != null ? uri.toString() : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /**
   * The customer pays (or is declined). Sends the signed callback in the background unless {@code silent}
   * (a callback lost in transit, which only reconciliation can repair); {@code duplicates} extra copies and
   * {@code delayMs} before the first delivery simulate a provider's misbehaviour.
   */
  @PostMapping("/pay/{paymentId}/complete")
  public CompleteResponse complete(@PathVariable String paymentId, @Valid @RequestBody CompleteRequest request,
      @RequestParam(defaultValue = "0") int duplicates, @RequestParam(defaultValue = "0") long delayMs,
      @RequestParam(defaultValue = "false") boolean silent) {
    SandboxPayment payment = store.get(paymentId);
    if (!payment.complete("SUCCESS".equals(request.outcome()), Instant.now())) {
      throw new SandboxException(HttpStatus.CONFLICT, "PAYMENT_ALREADY_PAID", "payment " + paymentId + " is paid");
    }
    if (!silent) {
      dispatcher.dispatch(payment, dispatcher.callbackBody(payment), 1 + Math.max(0, duplicates), delayMs);
    }
    return new CompleteResponse(paymentId, payment.status().name(), !silent);
  }

  /** Re-sends the callback for the payment's current outcome (a provider dashboard's "resend webhook"). */
  @PostMapping("/pay/{paymentId}/resend")
  public CompleteResponse resend(@PathVariable String paymentId) {
    SandboxPayment payment = store.get(paymentId);
    if (payment.status() == SandboxPayment.Status.CREATED) {
      throw new SandboxException(HttpStatus.CONFLICT, "PAYMENT_NOT_COMPLETED", "nothing to resend yet");
    }
    dispatcher.dispatch(payment, dispatcher.callbackBody(payment), 1, 0);
    return new CompleteResponse(paymentId, payment.status().name(), true);
  }

  /** Refunds settle synchronously (status SUCCEEDED); idempotent by idempotencyKey (body) or Idempotency-Key. */
  @PostMapping("/refunds")
  public SandboxRefund refund(@Valid @RequestBody RefundApiRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKeyHeader) {
    String key = request.idempotencyKey() != null ? request.idempotencyKey() : idempotencyKeyHeader;
    if (key == null || key.isBlank()) {
      throw new SandboxException(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_REQUIRED", "idempotencyKey is required");
    }
    return store.refund(request.paymentId(), request.amount(), key);
  }

  @GetMapping("/payments/{paymentId}/refunds")
  public List<SandboxRefund> refunds(@PathVariable String paymentId) {
    store.get(paymentId);
    return store.refundsOf(paymentId);
  }

  private String payUrl(String paymentId) {
    String base = properties.publicUrl() == null || properties.publicUrl().isBlank()
        ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
        : properties.publicUrl().replaceAll("/+$", "");
    return base + "/sandbox/pay/" + paymentId;
  }
}
