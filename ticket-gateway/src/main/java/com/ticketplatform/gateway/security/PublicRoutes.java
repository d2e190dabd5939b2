package com.ticketplatform.gateway.security;

import org.springframework.util.AntPathMatcher;

/** What anyone may call without a token. Everything else needs one; {@code /api/admin/**} needs ADMIN. */
public final class PublicRoutes {

  private static final AntPathMatcher MATCHER = new AntPathMatcher();

  static final String[] POST = {
      "/api/users/register",
      "/api/users/login",
      "/api/users/token/refresh",
      // the payment provider's webhook: authenticated by its HMAC signature in the pay service
      "/pay/callback",
  };

  static final String[] GET = {
      "/api/users/.well-known/jwks.json",
      // catalogue, seat maps and comments (/api/programs/{id}/comments) are readable by everyone
      "/api/programs", "/api/programs/**",
      "/api/showtimes/**",
      "/api/cinemas", "/api/cinemas/**",
      "/api/adverts", "/api/adverts/**",
      // announcements for everyone; the inbox (/api/announcements/inbox) is personal
      "/api/announcements",
      // what any gate verifies e-tickets with: public keys only
      "/api/tickets/keys",
      // the ordering rules (seat limit, payment window, refunds), explained before they bite
      "/api/orders/rules",
  };

  static final String[] ANY_METHOD = {
      // the health answer only (PublicHealthController); the actuator itself is on the management port
      "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
      "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
  };

  private PublicRoutes() {}

  /**
   * Whether an operation of the public document (a path template such as {@code /api/programs/{programId}}) may be
   * called without a token: the rules above, applied as the security chain applies them.
   */
  public static boolean isAnonymous(String method, String pathTemplate) {
    String path = pathTemplate.replaceAll("\\{[^/}]+}", "x");
    return matches(ANY_METHOD, path)
        || ("GET".equalsIgnoreCase(method) && matches(GET, path))
        || ("POST".equalsIgnoreCase(method) && matches(POST, path));
  }

  private static boolean matches(String[] patterns, String path) {
    for (String pattern : patterns) {
      if (MATCHER.match(pattern, path)) {
        return true;
      }
    }
    return false;
  }
}
