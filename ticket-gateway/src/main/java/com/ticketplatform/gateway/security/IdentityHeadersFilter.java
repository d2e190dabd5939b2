package com.ticketplatform.gateway.security;

import com.ticketplatform.common.security.InternalToken;
import com.ticketplatform.common.web.AuthHeaders;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Services trust X-User-Id and X-User-Roles, so no client may set them: every routed request loses any client-sent
 * copy, and gets them back only from a verified token. Client-sent forwarding headers are replaced with the client's
 * address ({@link ClientAddresses}: the peer, or what trusted proxies forwarded), which the user service uses for its
 * per-address login limits. The gateway vouches for all three
 * with its internal credential ({@link InternalToken}), without which the services refuse identity headers
 * (docs/ARCHITECTURE.md §9).
 */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

  static final String FORWARDED_FOR = ClientAddresses.FORWARDED_FOR;
  static final String CALLER = com.ticketplatform.common.security.InternalAuthFilter.GATEWAY;

  private final InternalToken tokens;
  private final ClientAddresses clients;

  IdentityHeadersFilter(ObjectProvider<InternalToken> tokens, ClientAddresses clients) {
    this.tokens = tokens.getIfAvailable();
    this.clients = clients;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return exchange.getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .cast(JwtAuthenticationToken.class)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(token -> chain.filter(exchange.mutate().request(rewrite(exchange, token)).build()));
  }

  private ServerHttpRequest rewrite(ServerWebExchange exchange, Optional<JwtAuthenticationToken> token) {
    String clientAddress = clients.of(exchange.getRequest());
    return exchange.getRequest().mutate().headers(headers -> {
      headers.remove(AuthHeaders.USER_ID);
      headers.remove(AuthHeaders.USER_ROLES);
      headers.remove(FORWARDED_FOR);
      headers.remove("Forwarded");
      if (clientAddress != null) {
        headers.set(FORWARDED_FOR, clientAddress);
      }
      headers.remove(InternalToken.HEADER);
      String userId = null;
      String roles = null;
      if (token.isPresent()) {
        userId = token.get().getToken().getSubject();
        roles = token.get().getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith("ROLE_"))
            .map(a -> a.substring("ROLE_".length()))
            .sorted()
            .collect(Collectors.joining(","));
        headers.set(AuthHeaders.USER_ID, userId);
        headers.set(AuthHeaders.USER_ROLES, roles);
      }
      if (tokens != null) {
        headers.set(InternalToken.HEADER, tokens.sign(CALLER, userId, roles, clientAddress));
      }
    }).build();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
