package com.ticketplatform.common.web;

import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.error.ServletProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The services' second line behind the gateway's body limit (docs/ARCHITECTURE.md §9): a request that declares a
 * body larger than {@code ticket.max-body-size} (1 MiB; 64 KiB for the provider's {@code /pay/callback}) is answered
 * 413 as a problem before anything reads it.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long limit;
  private final long callbackLimit;

  public BodySizeLimitFilter(long limit, long callbackLimit) {
    this.limit = limit;
    this.callbackLimit = callbackLimit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long max = path.equals("/pay/callback") ? callbackLimit : limit;
    if (request.getContentLengthLong() > max) {
      ServletProblemWriter.write(response, HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
          "the request body is larger than " + max + " bytes", request.getRequestURI());
      return;
    }
    chain.doFilter(request, response);
  }
}
