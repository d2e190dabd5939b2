package com.ticketplatform.gateway.web;

import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.error.Problems;
import com.ticketplatform.gateway.observability.Traced;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Every failure the gateway itself answers (no route, wrong method, a service that cannot be reached on a route
 * without a circuit breaker, the JWK set unreachable...) becomes a problem with a stable code instead of Spring's
 * default error JSON. Runs before Boot's default handler (order -1).
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    // the lines below carry the request's trace ids (Traced)
    return Mono.deferContextual(context -> answer(exchange, error, context));
  }

  private Mono<Void> answer(ServerWebExchange exchange, Throwable error, ContextView context) {
    if (error instanceof ResponseStatusException e) {
      HttpStatusCode status = e.getStatusCode();
      exchange.getResponse().getHeaders().addAll(e.getHeaders());
      String detail = status.value() == 404 ? "no such resource" : e.getReason() != null ? e.getReason()
          : status.toString();
      if (status.is5xxServerError() && status.value() != 503 && status.value() != 504) {
        Traced.run(context, () -> log.error("gateway failure on {}", exchange.getRequest().getPath(), e));
      }
      return ProblemWriter.write(exchange, status, Problems.codeFor(status), detail);
    }
    if (isUnreachable(error)) {
      return ProblemWriter.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "the service is unavailable, try again shortly");
    }
    if (error instanceof AuthenticationServiceException) {
      Traced.run(context, () -> log.warn("cannot verify tokens: {}", error.getMessage()));
      return ProblemWriter.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "authentication is unavailable, try again shortly");
    }
    Traced.run(context,
        () -> log.error("unhandled gateway failure on {}", exchange.getRequest().getPath(), error));
    return ProblemWriter.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR,
        "unexpected error");
  }

  private static boolean isUnreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof ConnectTimeoutException || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
