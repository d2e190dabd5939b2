package com.ticketplatform.gateway.storefront;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which paths belong to the storefront (the single-page app built from ticket-web) rather than to the API: every path
 * but the API, its documents, the actuator, the payment provider's routes and the Swagger UI. The storefront's files
 * are public; what they show of a customer comes from the API, which checks the token as before.
 */
public final class StorefrontPaths {

  private static final PathPattern[] NOT_STOREFRONT = parse(
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
    for (PathPattern pattern : NOT_STOREFRONT) {
      if (pattern.matches(path)) {
        return false;
      }
    }
    return true;
  }

  private static PathPattern[] parse(String... patterns) {
    PathPatternParser parser = PathPatternParser.defaultInstance;
    PathPattern[] parsed = new PathPattern[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      parsed[i] = parser.parse(patterns[i]);
    }
    return parsed;
  }
}
