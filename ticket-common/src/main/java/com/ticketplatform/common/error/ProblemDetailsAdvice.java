package com.ticketplatform.common.error;

import com.ticketplatform.common.json.PublicIds;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a servlet service into an RFC 9457 problem with a stable {@code code}. Client mistakes get
 * their 4xx; anything unexpected is logged here and answered with a bare 500 that leaks nothing.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return toResponse(e);
  }

  /** The answer to an ApiException, for a service's own advice that maps its domain outcomes to one. */
  public static ResponseEntity<ProblemDetail> toResponse(ApiException e) {
    ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
    // ids in a problem follow the same wire rule as in any other answer: strings
    e.properties().forEach((name, value) -> problem.setProperty(name, PublicIds.toWire(name, value)));
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
    if (e.retryAfterSeconds() > 0) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    return response.body(problem);
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, ConstraintViolationException.class,
      IllegalArgumentException.class})
  ResponseEntity<ProblemDetail> badArgument(Exception e) {
    String detail = e instanceof MethodArgumentTypeMismatchException m
        ? "parameter '" + m.getName() + "' has an invalid value"
        : e.getMessage();
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, detail));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unhandled failure", e);
    return ResponseEntity.internalServerError()
        .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR, "unexpected error"));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, "request is invalid");
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.putIfAbsent(error.getField(), error.getDefaultMessage());
    }
    ex.getBindingResult().getGlobalErrors()
        .forEach(error -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<String> messages = ex.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
        .toList();
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED,
        String.join("; ", messages));
    return ResponseEntity.badRequest().body(problem);
  }

  /** Everything Spring MVC itself rejects (bad JSON, wrong method, missing header...) keeps its status, gains a code. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    ProblemDetail problem = body instanceof ProblemDetail p ? p
        : ProblemDetail.forStatusAndDetail(statusCode, statusCode.toString());
    if (problem.getProperties() == null || !problem.getProperties().containsKey(ErrorCodes.PROPERTY)) {
      problem.setProperty(ErrorCodes.PROPERTY, Problems.codeFor(statusCode));
    }
    if (statusCode.value() == 400 && problem.getDetail() != null && problem.getDetail().startsWith("Failed to read")) {
      problem.setDetail("request body is missing or is not valid JSON");
    }
    problem.setType(Problems.ABOUT_BLANK);
    return ResponseEntity.status(statusCode).headers(headers).body(problem);
  }
}
