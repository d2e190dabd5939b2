package com.ticketplatform.pay.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("ticket.pay")
public record PayProperties(
    @DefaultValue("http://127.0.0.1:8090") String providerUrl,
    @DefaultValue("dev-sandbox-secret-change-me") String providerSecret,
    @DefaultValue("http://127.0.0.1:8080/pay/callback") String callbackUrl,
    @DefaultValue("5m") Duration callbackTolerance,
    @DefaultValue("2s") Duration providerConnectTimeout,
    @DefaultValue("5s") Duration providerReadTimeout,
    @DefaultValue Reconcile reconcile) {

  /**
   * {@code orderGrace}: how long after its payment a flow's order may still be waiting for it before reconciliation
   * announces the payment again (the normal path takes seconds; a parked event is retried by the order service).
   */
  public record Reconcile(@DefaultValue("true") boolean enabled, @DefaultValue("300000") long intervalMs,
      @DefaultValue("48h") Duration lookback, @DefaultValue("10m") Duration orderGrace) {}
}
