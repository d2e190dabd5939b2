package com.ticketplatform.common.security;

import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.AuthHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A service accepts who a request is for only from its own platform (docs/ARCHITECTURE.md §9): identity headers
 * ({@code X-User-Id}, {@code X-User-Roles}) must be vouched for by a valid {@link InternalToken}, and so must every
 * {@code /internal/**} call; otherwise 401 as a problem, before any handler runs. The client address a service sees
 * ({@code X-Forwarded-For}) is the one the token vouches for, never a header a caller made up. Open without a token:
 * health and metrics, the API documents, and the provider's signed {@code /pay/callback}.
 */
public class InternalAuthFilter extends OncePerRequestFilter {

  static final List<String> OPEN = List.of("/actuator", "/v3/api-docs", "/swagger-ui", "/pay/callback", "/error");
  static final String FORWARDED_FOR = "X-Forwarded-For";

  private final InternalToken tokens;

  public InternalAuthFilter(InternalToken tokens) {
    this.tokens = tokens;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return OPEN.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = request.getHeader(InternalToken.HEADER);
    String userId = request.getHeader(AuthHeaders.USER_ID);
    String roles = request.getHeader(AuthHeaders.USER_ROLES);
    Optional<InternalToken.Claims> claims = tokens.verify(token);
    if (claims.isPresent()) {
      InternalToken.Claims c = claims.get();
      if (!c.userId().equals(Objects.toString(userId, "")) || !c.roles().equals(Objects.toString(roles, ""))) {
        refuse(request, response, "the identity headers differ from what the caller's credential vouches for");
        return;
      }
      chain.doFilter(withClient(request, c.client()), response);
      return;
    }
    if (token != null) {
      refuse(request, response, "the internal credential is invalid or expired");
    } else if (request.getRequestURI().substring(request.getContextPath().length()).startsWith("/internal/")) {
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
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
        + detail + "\",\"instance\":\"" + json(request.getRequestURI()) + "\",\"" + ErrorCodes.PROPERTY + "\":\""
        + ErrorCodes.UNAUTHENTICATED + "\"}");
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20) {
        b.append(String.format("\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }
}
