package com.ticketplatform.order.web;

import com.ticketplatform.common.error.ProblemDetailsAdvice;
import com.ticketplatform.order.placement.SeatProblems;
import com.ticketplatform.order.seat.SeatRefusal;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A seat refusal of the domain, answered as its problem ({@link SeatProblems}). */
@RestControllerAdvice
class OrderProblems {

  @ExceptionHandler(SeatRefusal.class)
  ResponseEntity<ProblemDetail> seatRefusal(SeatRefusal refusal) {
    return ProblemDetailsAdvice.toResponse(SeatProblems.of(refusal));
  }
}
