package com.ticketplatform.common.web;

import com.ticketplatform.common.error.ServletProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The services' own request line and header limits ({@link RequestSizeLimits}, docs/ARCHITECTURE.md §9): Tomcat's
 * limit is only the backstop ({@code server.max-http-request-header-size}), so a request over ours is a 414 or 431
 * problem, never Tomcat's bare 400. Runs before anything else looks at the headers.
 */
public class HeaderSizeLimitFilter extends OncePerRequestFilter {

  private final RequestSizeLimits limits;

  public HeaderSizeLimitFilter(RequestSizeLimits limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    long uriLength = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1L);
    List<Map.Entry<String, List<String>>> headers = new ArrayList<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.add(new AbstractMap.SimpleImmutableEntry<>(name, Collections.list(request.getHeaders(name))));
    }
    RequestSizeLimits.Violation violation = limits.check(uriLength, headers);
    if (violation != null) {
      String uri = request.getRequestURI();
      ServletProblemWriter.write(response, violation.status(), violation.code(), violation.detail(),
          uri.length() > 256 ? uri.substring(0, 256) : uri);
      return;
    }
    chain.doFilter(request, response);
  }
}
