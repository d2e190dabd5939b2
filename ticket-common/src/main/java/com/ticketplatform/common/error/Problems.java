package com.ticketplatform.common.error;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problems the same way in the servlet services and the reactive gateway. */
public final class Problems {

  public static final URI ABOUT_BLANK = URI.create("about:blank");

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    // Spring 7 leaves the type unset; the contract names it ("about:blank": the status and code say it all)
    problem.setType(ABOUT_BLANK);
    problem.setProperty(ErrorCodes.PROPERTY, code);
    return problem;
  }

  /** The shared code for a bare status, used where the framework rejected the request before our code ran. */
  public static String codeFor(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    if (known == null) {
      return status.is4xxClientError() ? ErrorCodes.MALFORMED_REQUEST : ErrorCodes.INTERNAL_ERROR;
    }
    return switch (known) {
      case BAD_REQUEST -> ErrorCodes.MALFORMED_REQUEST;
      case UNAUTHORIZED -> ErrorCodes.UNAUTHENTICATED;
      case FORBIDDEN -> ErrorCodes.FORBIDDEN;
      case NOT_FOUND -> ErrorCodes.NOT_FOUND;
      case METHOD_NOT_ALLOWED -> ErrorCodes.METHOD_NOT_ALLOWED;
      case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
      case CONFLICT -> ErrorCodes.CONFLICT;
      case TOO_MANY_REQUESTS -> ErrorCodes.RATE_LIMITED;
      case CONTENT_TOO_LARGE -> ErrorCodes.PAYLOAD_TOO_LARGE;
      case LENGTH_REQUIRED -> ErrorCodes.LENGTH_REQUIRED;
      case REQUEST_HEADER_FIELDS_TOO_LARGE -> ErrorCodes.REQUEST_HEADER_FIELDS_TOO_LARGE;
      case URI_TOO_LONG -> ErrorCodes.URI_TOO_LONG;
      case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, BAD_GATEWAY -> ErrorCodes.SERVICE_UNAVAILABLE;
      default -> known.is4xxClientError() ? ErrorCodes.MALFORMED_REQUEST : ErrorCodes.INTERNAL_ERROR;
    };
  }
}
