package com.ticketplatform.common.security;

import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.error.ServletProblemWriter;
import com.ticketplatform.common.web.AuthHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * A service accepts who a request is for only from its own platform (docs/ARCHITECTURE.md §9): identity headers
 * ({@code X-User-Id}, {@code X-User-Roles}) must be vouched for by a valid {@link InternalToken}, and so must every
 * {@code /internal/**} call; otherwise 401 as a problem, before any handler runs. The client address a service sees
 * ({@code X-Forwarded-For}) is the one the token vouches for, never a header a caller made up. Open without a token:
 * health and metrics, the API documents, and the provider's signed {@code /pay/callback}.
 */
public class InternalAuthFilter extends OncePerRequestFilter {

  static final List<String> OPEN = List.of("/actuator", "/v3/api-docs", "/swagger-ui", "/swagger-ui.html",
      "/pay/callback", "/error");
  static final String FORWARDED_FOR = "X-Forwarded-For";
  /** The path as the handlers will match it: decoded, normalised, without ";params" (never the raw URI). */
  private static final UrlPathHelper PATHS = new UrlPathHelper();

  /** The caller name the gateway signs with: it vouches for customers, never calls /internal/** itself. */
  public static final String GATEWAY = "ticket-gateway";

  private final InternalToken tokens;

  public InternalAuthFilter(InternalToken tokens) {
    this.tokens = tokens;
  }

  static String path(HttpServletRequest request) {
    return PATHS.getPathWithinApplication(request);
  }

  /** Whether the path is the prefix itself or below it, segment by segment ("/errors" is not under "/error"). */
  static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return OPEN.stream().anyMatch(prefix -> under(path, prefix));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = request.getHeader(InternalToken.HEADER);
    String userId = request.getHeader(AuthHeaders.USER_ID);
    String roles = request.getHeader(AuthHeaders.USER_ROLES);
    boolean internal = under(path(request), "/internal");
    Optional<InternalToken.Claims> claims = tokens.verify(token);
    if (claims.isPresent()) {
      InternalToken.Claims c = claims.get();
      if (internal && c.caller().equals(GATEWAY)) {
        refuse(request, response, "internal endpoints answer only the platform's services, not the gateway");
        return;
      }
      if (!c.userId().equals(Objects.toString(userId, "")) || !c.roles().equals(Objects.toString(roles, ""))) {
        refuse(request, response, "the identity headers differ from what the caller's credential vouches for");
        return;
      }
      chain.doFilter(withClient(request, c.client()), response);
      return;
    }
    if (token != null) {
      refuse(request, response, "the internal credential is invalid or expired");
    } else if (internal) {
      refuse(request, response, "internal endpoints answer only the platform's own services");
    } else if (userId != null || roles != null) {
      refuse(request, response, "identity headers are accepted only from the gateway");
    } else {
      chain.doFilter(withClient(request, ""), response); // anonymous: no client address anyone vouched for
    }
  }

  /** The request with X-Forwarded-For replaced by the vouched client address (absent when there is none). */
  private static HttpServletRequest withClient(HttpServletRequest request, String client) {
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getHeader(String name) {
        return FORWARDED_FOR.equalsIgnoreCase(name) ? (client.isEmpty() ? null : client) : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        if (FORWARDED_FOR.equalsIgnoreCase(name)) {
          return client.isEmpty() ? Collections.emptyEnumeration() : Collections.enumeration(List.of(client));
        }
        return super.getHeaders(name);
      }
    };
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    ServletProblemWriter.write(response, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, detail,
        request.getRequestURI());
  }
}
