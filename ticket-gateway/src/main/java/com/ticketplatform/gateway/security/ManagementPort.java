package com.ticketplatform.gateway.security;

import java.net.InetSocketAddress;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Matches requests that came in on the management port (docs/ARCHITECTURE.md §9), the only place the actuator is
 * served and which only Prometheus reaches; the port is taken from the management server once it has started.
 */
@Component
class ManagementPort implements ApplicationListener<WebServerInitializedEvent>, ServerWebExchangeMatcher {

  private volatile int port = -1;

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if ("management".equals(event.getApplicationContext().getServerNamespace())) {
      port = event.getWebServer().getPort();
    }
  }

  @Override
  public Mono<MatchResult> matches(ServerWebExchange exchange) {
    InetSocketAddress local = exchange.getRequest().getLocalAddress();
    return local != null && port > 0 && local.getPort() == port ? MatchResult.match() : MatchResult.notMatch();
  }
}
