package com.ticketplatform.common.web;

import com.ticketplatform.common.error.ErrorCodes;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The request line and header limits every entry point enforces itself (docs/ARCHITECTURE.md §9), so that the answer
 * is a problem with a stable code: the servers' own limits (Reactor Netty, Tomcat) are raised to a backstop far above
 * these, because what they answer is an empty 431/414 or a bare 400. A URI (path and query) over {@code maxUri} is
 * 414 {@code URI_TOO_LONG}; one header value over {@code maxHeaderValue}, or all header lines together over
 * {@code maxHeaders}, is 431 {@code REQUEST_HEADER_FIELDS_TOO_LARGE}.
 */
public record RequestSizeLimits(long maxUri, long maxHeaderValue, long maxHeaders) {

  /** Why a request is refused: status, code and a detail that never echoes the oversized text. */
  public record Violation(HttpStatus status, String code, String detail) {}

  public Violation check(long uriLength, Iterable<? extends Map.Entry<String, ? extends Iterable<String>>> headers) {
    if (uriLength > maxUri) {
      return new Violation(HttpStatus.URI_TOO_LONG, ErrorCodes.URI_TOO_LONG,
          "the request URI is longer than " + maxUri + " characters");
    }
    long total = 0;
    for (Map.Entry<String, ? extends Iterable<String>> header : headers) {
      for (String value : header.getValue()) {
        if (value.length() > maxHeaderValue) {
          return new Violation(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, ErrorCodes.REQUEST_HEADER_FIELDS_TOO_LARGE,
              "the header " + printable(header.getKey()) + " is longer than " + maxHeaderValue + " characters");
        }
        // "name: value\r\n", as on the wire
        total += header.getKey().length() + value.length() + 4;
      }
    }
    if (total > maxHeaders) {
      return new Violation(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, ErrorCodes.REQUEST_HEADER_FIELDS_TOO_LARGE,
          "the request headers are larger than " + maxHeaders + " bytes together");
    }
    return null;
  }

  private static String printable(String name) {
    return name.length() > 64 ? name.substring(0, 64) + "..." : name;
  }
}
