package com.ticketplatform.pay.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.pay.config.PayProperties;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The payment provider's merchant API (the sandbox in dev). Its wire format is the provider's, not ours: DTOs here
 * are deliberately separate from the sandbox's classes. Transport failures become 503 {@code PROVIDER_UNAVAILABLE};
 * the provider's own refusals become {@link ProviderRejection}.
 */
@Component
public class ProviderClient {

  public static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";

  private final RestClient http;

  public ProviderClient(PayProperties properties, RestClient.Builder builder) {
    HttpClient jdk = HttpClient.newBuilder().connectTimeout(properties.providerConnectTimeout()).build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdk);
    factory.setReadTimeout(properties.providerReadTimeout());
    this.http = builder.baseUrl(properties.providerUrl()).requestFactory(factory).build();
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CreatedPayment(String paymentId, String payUrl, String status) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ProviderRefund(String refundId, String paymentId, BigDecimal amount, String currency,
      String status) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ProviderPayment(String paymentId, String merchantOrderNo, BigDecimal amount, String currency,
      String status, Instant paidAt, Instant createdAt) {}

  /** The provider refused (4xx other than transport trouble): retrying the same request will not help. */
  public static class ProviderRejection extends RuntimeException {
    public ProviderRejection(String message) {
      super(message);
    }
  }

  public CreatedPayment createPayment(long orderNo, BigDecimal amount, String currency, String notifyUrl) {
    return call(() -> http.post().uri("/sandbox/payments")
        .header("Idempotency-Key", "pay-" + orderNo)
        .body(Map.of("merchantOrderNo", String.valueOf(orderNo), "amount", amount, "currency", currency,
            "notifyUrl", notifyUrl))
        .retrieve().body(CreatedPayment.class));
  }

  public ProviderRefund refund(String paymentId, BigDecimal amount, String idempotencyKey) {
    return call(() -> http.post().uri("/sandbox/refunds")
        .header("Idempotency-Key", idempotencyKey)
        .body(Map.of("paymentId", paymentId, "amount", amount, "idempotencyKey", idempotencyKey))
        .retrieve().body(ProviderRefund.class));
  }

  public List<ProviderPayment> paymentsSince(Instant since) {
    ProviderPayment[] payments = call(() -> http.get().uri(b -> b.path("/sandbox/payments")
        .queryParam("since", since.toString()).build()).retrieve().body(ProviderPayment[].class));
    return payments == null ? List.of() : List.of(payments);
  }

  private static <T> T call(java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (HttpClientErrorException e) {
      throw new ProviderRejection(e.getStatusCode().value() + " " + e.getResponseBodyAsString());
    } catch (RestClientException e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, PROVIDER_UNAVAILABLE,
          "the payment provider is not reachable, try again");
    }
  }

}
