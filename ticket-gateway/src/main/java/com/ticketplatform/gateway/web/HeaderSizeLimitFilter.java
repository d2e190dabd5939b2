package com.ticketplatform.gateway.web;

import com.ticketplatform.common.web.RequestSizeLimits;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's request line and header limits ({@link RequestSizeLimits}, docs/ARCHITECTURE.md §9): a URI over
 * {@code ticket.gateway.max-uri-length} is 414, a header value over {@code ticket.gateway.max-header-size} or all
 * headers over {@code ticket.gateway.max-headers-size} 431, as problems. A web filter ahead of everything, security
 * included, so an oversized token is never parsed. Reactor Netty's own limits (ticket-platform.yml) are only the
 * backstop: what it answers itself is an empty 431 or 414.
 */
@Component
// right after NoStoreFilter, so a refusal to a credentialed request is not stored either
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HeaderSizeLimitFilter implements WebFilter {

  private final RequestSizeLimits limits;

  HeaderSizeLimitFilter(@Value("${ticket.gateway.max-uri-length:8KB}") DataSize uri,
      @Value("${ticket.gateway.max-header-size:8KB}") DataSize header,
      @Value("${ticket.gateway.max-headers-size:16KB}") DataSize headers) {
    this.limits = new RequestSizeLimits(uri.toBytes(), header.toBytes(), headers.toBytes());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    URI uri = exchange.getRequest().getURI();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    long uriLength = path.length() + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1L);
    RequestSizeLimits.Violation violation = limits.check(uriLength, exchange.getRequest().getHeaders().headerSet());
    if (violation != null) {
      return ProblemWriter.write(exchange, violation.status(), violation.code(), violation.detail());
    }
    return chain.filter(exchange);
  }
}
