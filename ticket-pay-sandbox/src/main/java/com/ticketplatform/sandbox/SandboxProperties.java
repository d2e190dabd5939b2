package com.ticketplatform.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("sandbox")
public record SandboxProperties(
    @DefaultValue("dev-sandbox-secret-change-me") String secret,
    @DefaultValue("") String publicUrl,
    /** The only callback URLs the provider posts to (a regular expression): never a request forger into the network. */
    @DefaultValue("http://127\\.0\\.0\\.1:8080/pay/callback") String notifyUrlPattern,
    @DefaultValue Callback callback) {

  /** Delivery policy for callbacks: exponential backoff starting at initialBackoffMs, up to maxAttempts tries. */
  public record Callback(
      @DefaultValue("8") int maxAttempts,
      @DefaultValue("500") long initialBackoffMs,
      @DefaultValue("5000") long requestTimeoutMs) {}
}
