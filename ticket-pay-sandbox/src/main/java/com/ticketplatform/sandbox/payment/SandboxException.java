package com.ticketplatform.sandbox.payment;

import org.springframework.http.HttpStatus;

/** An API error the provider reports to the merchant with a stable code. */
public class SandboxException extends RuntimeException {

  private final HttpStatus status;
  private final String code;

  public SandboxException(HttpStatus status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }
}
