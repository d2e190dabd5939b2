package com.ticketplatform.program.showtime;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import com.ticketplatform.program.web.AdminResponses;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/showtimes")
public class ShowtimeController {

  private final ShowtimeService showtimes;
  private final IdempotencyRecords idempotency;

  public ShowtimeController(ShowtimeService showtimes, IdempotencyRecords idempotency) {
    this.showtimes = showtimes;
    this.idempotency = idempotency;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  public ResponseEntity<ShowtimeView> create(Caller caller,
      @RequestHeader(name = AuthHeaders.IDEMPOTENCY_KEY, required = false) String key,
      @Valid @RequestBody ShowtimeRequest request) {
    long userId = caller.requireUser();
    return AdminResponses.created(idempotency.create(userId, "POST /api/admin/showtimes", key,
        idempotency.hashOf(request), recorder -> showtimes.create(request, recorder), showtimes::get));
  }

  @GetMapping("/{showtimeId}")
  public ShowtimeView get(@PathVariable long showtimeId) {
    return showtimes.get(showtimeId);
  }

  @PutMapping("/{showtimeId}")
  public ShowtimeView update(@PathVariable long showtimeId, @Valid @RequestBody ShowtimeRequest request) {
    return showtimes.update(showtimeId, request);
  }

  /** Idempotent: putting an on-sale showtime on sale again answers its current state. */
  @PostMapping("/{showtimeId}/on-sale")
  public ShowtimeView putOnSale(@PathVariable long showtimeId) {
    return showtimes.putOnSale(showtimeId);
  }

  /**
   * Moves the showtime to another start in its hall, on sale or not (sold seats stay sold; buyers may then refund for
   * free for a while). Idempotent: moving it to its current start answers its current state.
   */
  @PostMapping("/{showtimeId}/reschedule")
  public ShowtimeView reschedule(@PathVariable long showtimeId, @Valid @RequestBody ShowtimeReschedule request) {
    return showtimes.reschedule(showtimeId, request.startsAt());
  }

  /** Idempotent: cancelling a cancelled showtime answers its current state. */
  @PostMapping("/{showtimeId}/cancel")
  public ShowtimeView cancel(@PathVariable long showtimeId) {
    return showtimes.cancel(showtimeId);
  }
}
