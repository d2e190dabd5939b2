package com.ticketplatform.gateway;

import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.error.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where an open circuit or a failed call lands: an honest 503 problem, whatever the method. No cached or default
 * answer is ever made up here, so a write that did not reach its service is never reported as done.
 */
@RestController
class ServiceUnavailableController {

  @RequestMapping("/fallback/{service}")
  ResponseEntity<ProblemDetail> unavailable(@PathVariable String service) {
    ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
        service + " is unavailable, try again shortly");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
