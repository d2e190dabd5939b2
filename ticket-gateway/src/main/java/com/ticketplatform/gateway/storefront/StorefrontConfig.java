package com.ticketplatform.gateway.storefront;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Serves the storefront from the same origin as the API (so the browser needs no CORS): the files of ticket-web's
 * build at {@code ticket.gateway.web-root} (a Spring resource location such as {@code file:/srv/ticket-web/dist/}).
 * Hashed bundles under {@code /assets/} are cached for a year as immutable; {@code index.html} is revalidated on
 * every load (no-cache), so a new release is picked up at once. Any other GET of a storefront path
 * ({@link StorefrontPaths}) that asks for HTML is a client-side route and gets {@code index.html}; a request that
 * does not ask for HTML gets the gateway's usual 404 problem. Without a web root the gateway serves the API only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${ticket.gateway.web-root:}' != ''")
class StorefrontConfig {

  static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
  static final CacheControl REVALIDATE = CacheControl.noCache();
  /** The app loads nothing but its own files and the API; posters and adverts may be images from anywhere. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: https: http:; "
      + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; "
      + "base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  RouterFunction<ServerResponse> storefront(@Value("${ticket.gateway.web-root}") String webRoot,
      ResourceLoader resources) {
    Resource root = resources.getResource(webRoot.endsWith("/") ? webRoot : webRoot + "/");
    Resource index = relative(root, "index.html");
    RequestPredicate read = RequestPredicates.method(org.springframework.http.HttpMethod.GET)
        .or(RequestPredicates.method(org.springframework.http.HttpMethod.HEAD))
        .and(request -> StorefrontPaths.isStorefront(request.requestPath().pathWithinApplication()));
    RequestPredicate wantsHtml = request -> accepts(request, MediaType.TEXT_HTML);

    RouterFunction<ServerResponse> assets = RouterFunctions.resources("/assets/**", relative(root, "assets/"),
        (resource, headers) -> headers.setCacheControl(IMMUTABLE));
    RouterFunction<ServerResponse> topLevelFiles = RouterFunctions.resources("/*", root,
        (resource, headers) -> {
          headers.setCacheControl(REVALIDATE);
          if ("index.html".equals(resource.getFilename())) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
          }
        });
    RouterFunction<ServerResponse> spaFallback = RouterFunctions.route(read.and(wantsHtml),
        request -> index(index));
    return RouterFunctions.nest(read, assets.and(topLevelFiles)).and(spaFallback);
  }

  private static Mono<ServerResponse> index(Resource index) {
    if (index == null || !index.isReadable()) {
      return ServerResponse.notFound().build();
    }
    return ServerResponse.ok()
        .contentType(MediaType.TEXT_HTML)
        .cacheControl(REVALIDATE)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .bodyValue(index);
  }

  private static boolean accepts(ServerRequest request, MediaType type) {
    List<MediaType> accepted = request.headers().accept();
    return accepted.stream().anyMatch(media -> !media.isWildcardType() && media.isCompatibleWith(type));
  }

  private static Resource relative(Resource root, String path) {
    try {
      return root.createRelative(path);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("storefront root " + root + " cannot resolve " + path, e);
    }
  }
}
