package com.ticketplatform.gateway.security;

import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.gateway.config.GatewaySecurityProperties;
import com.ticketplatform.gateway.storefront.StorefrontPaths;
import com.ticketplatform.gateway.web.ProblemWriter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * The gateway is the one place that authenticates: RS256 access tokens verified against the user service's JWK Set
 * (public key only), the revocation list checked ({@link RevocationList}), roles mapped from the {@code roles}
 * claim. Stateless: no session, no CSRF (no cookies are used), no saved requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(GatewaySecurityProperties.class)
class SecurityConfig {

  static final String ROLES_CLAIM = "roles";

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
      ManagementPort managementPort) {
    ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> {
      exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      return ProblemWriter.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED,
          "a valid access token is required");
    };
    ServerAccessDeniedHandler forbidden = (exchange, e) -> ProblemWriter.write(exchange, HttpStatus.FORBIDDEN,
        ErrorCodes.FORBIDDEN, "you are not allowed to do this");
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName(ROLES_CLAIM);
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
    authentication.setJwtGrantedAuthoritiesConverter(roles);

    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .cors(Customizer.withDefaults())
        .authorizeExchange(exchanges -> exchanges
            // the actuator, on its own port only; on the public port nothing is served under /actuator but the health
            // answer, and anything else there is refused
            .matchers(managementPort).permitAll()
            .pathMatchers(HttpMethod.OPTIONS).permitAll()
            .pathMatchers(HttpMethod.POST, PublicRoutes.POST).permitAll()
            .pathMatchers(HttpMethod.GET, PublicRoutes.GET).permitAll()
            .pathMatchers(PublicRoutes.ANY_METHOD).permitAll()
            .pathMatchers("/api/admin/**", "/actuator/**").hasRole("ADMIN")
            // the storefront's files (StorefrontConfig): the app itself is public, its data comes from the API
            .matchers(StorefrontPaths.READ).permitAll()
            .anyExchange().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(authentication)))
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(forbidden))
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(forbidden))
        .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
        .build();
  }

  /**
   * Signature (RS256, key from the JWK Set, re-fetched when an unknown key id shows up), issuer and expiry (60 s
   * clock skew) are checked by Nimbus; then the token's jti must not be on the revocation list. A token that passed
   * the signature check is remembered until it expires (at most 5 minutes), because RS256 verification was a fifth
   * of the gateway's CPU under load; expiry and the revocation list ({@link RevocationList}: from memory while Redis
   * tracks the list for the gateway, else from Redis) are still checked on every request.
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(GatewaySecurityProperties properties, RevocationList revocations, Clock clock) {
    NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
        .jwsAlgorithm(SignatureAlgorithm.RS256)
        .build();
    nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(properties.issuer())));
    Cache<String, Jwt> verified = Caffeine.newBuilder()
        .maximumSize(10_000)
        .expireAfterWrite(Duration.ofMinutes(5))
        .build();
    return token -> {
      Jwt known = verified.getIfPresent(token);
      Mono<Jwt> decoded = known != null && known.getExpiresAt() != null
          && known.getExpiresAt().isAfter(clock.instant())
          ? Mono.just(known)
          : nimbus.decode(token).doOnNext(jwt -> verified.put(token, jwt));
      return decoded.flatMap(jwt -> {
        if (jwt.getId() == null || jwt.getSubject() == null) {
          return Mono.error(new BadJwtException("token lacks jti or sub"));
        }
        return revocations.isRevoked(jwt.getId())
            .flatMap(revoked -> revoked
                ? Mono.error(new BadJwtException("token has been revoked"))
                : Mono.just(jwt));
      });
    };
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(GatewaySecurityProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.corsAllowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key",
        HttpHeaders.ACCEPT));
    cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, "X-RateLimit-Remaining"));
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }
}
