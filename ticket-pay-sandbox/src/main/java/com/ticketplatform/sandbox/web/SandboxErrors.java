package com.ticketplatform.sandbox.web;

import com.ticketplatform.sandbox.payment.SandboxException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Provider errors as problem documents with a code (the pay service maps these, never string-matches text). */
@RestControllerAdvice
public class SandboxErrors {

  @ExceptionHandler(SandboxException.class)
  ResponseEntity<ProblemDetail> sandbox(SandboxException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setProperty("code", e.code());
    return ResponseEntity.status(e.status()).body(problem);
  }
}
