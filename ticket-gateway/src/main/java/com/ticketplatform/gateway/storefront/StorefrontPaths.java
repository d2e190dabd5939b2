package com.ticketplatform.gateway.storefront;

import com.ticketplatform.gateway.web.PathPatterns;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Which paths belong to the storefront (the single-page app built from ticket-web) rather than to the API: every path
 * but the API, its documents, the actuator, the payment provider's routes and the Swagger UI. The storefront's files
 * are public; what they show of a customer comes from the API, which checks the token as before.
 */
public final class StorefrontPaths {

  private static final PathPatterns NOT_STOREFRONT = PathPatterns.of(
      "/api", "/api/**", "/v3/**", "/swagger-ui*", "/swagger-ui/**", "/webjars/**", "/actuator", "/actuator/**",
      "/pay/**", "/sandbox/**");

  /** GET (and HEAD) of a storefront path, for the security chain: anyone may load the app. */
  public static final ServerWebExchangeMatcher READ = exchange -> {
    HttpMethod method = exchange.getRequest().getMethod();
    boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    return read && isStorefront(exchange.getRequest().getPath().pathWithinApplication())
        ? ServerWebExchangeMatcher.MatchResult.match()
        : ServerWebExchangeMatcher.MatchResult.notMatch();
  };

  private StorefrontPaths() {}

  public static boolean isStorefront(PathContainer path) {
    return !NOT_STOREFRONT.matchAny(path);
  }
}
