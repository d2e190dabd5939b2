package com.ticketplatform.program.cinema;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import com.ticketplatform.program.web.AdminResponses;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CinemaController {

  private final CinemaService cinemas;
  private final IdempotencyRecords idempotency;

  public CinemaController(CinemaService cinemas, IdempotencyRecords idempotency) {
    this.cinemas = cinemas;
    this.idempotency = idempotency;
  }

  @GetMapping("/api/cinemas")
  public List<CinemaView> list(@RequestParam(required = false) String city) {
    return cinemas.list(city);
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/api/admin/cinemas")
  public ResponseEntity<CinemaView> create(Caller caller,
      @RequestHeader(name = AuthHeaders.IDEMPOTENCY_KEY, required = false) String key,
      @Valid @RequestBody CinemaRequest request) {
    long userId = caller.requireUser();
    request.timeZoneId(); // an unknown zone is refused before the idempotency key is taken
    return AdminResponses.created(idempotency.create(userId, "POST /api/admin/cinemas", key,
        idempotency.hashOf(request), recorder -> cinemas.create(request, recorder), cinemas::get));
  }

  @GetMapping("/api/admin/cinemas")
  public List<CinemaView> adminList(@RequestParam(required = false) String city) {
    return cinemas.list(city);
  }

  @GetMapping("/api/admin/cinemas/{cinemaId}")
  public CinemaView get(@PathVariable long cinemaId) {
    return cinemas.get(cinemaId);
  }

  @PutMapping("/api/admin/cinemas/{cinemaId}")
  public CinemaView update(@PathVariable long cinemaId, @Valid @RequestBody CinemaRequest request) {
    return cinemas.update(cinemaId, request);
  }

  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/api/admin/cinemas/{cinemaId}")
  public ResponseEntity<Void> delete(@PathVariable long cinemaId) {
    cinemas.delete(cinemaId);
    return ResponseEntity.noContent().build();
  }
}
