package com.ticketplatform.program.hall;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class HallController {

  private final HallService halls;
  private final IdempotencyRecords idempotency;

  public HallController(HallService halls, IdempotencyRecords idempotency) {
    this.halls = halls;
    this.idempotency = idempotency;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/api/admin/cinemas/{cinemaId}/halls")
  public ResponseEntity<HallView> create(Caller caller,
      @RequestHeader(name = AuthHeaders.IDEMPOTENCY_KEY, required = false) String key,
      @PathVariable long cinemaId, @Valid @RequestBody HallRequest request) {
    long userId = caller.requireUser();
    return AdminResponses.created(idempotency.create(userId, "POST /api/admin/cinemas/" + cinemaId + "/halls", key,
        idempotency.hashOf(request), recorder -> halls.create(cinemaId, request, recorder), halls::get));
  }

  @GetMapping("/api/admin/cinemas/{cinemaId}/halls")
  public List<HallView> list(@PathVariable long cinemaId) {
    return halls.listOfCinema(cinemaId);
  }

  @GetMapping("/api/admin/halls/{hallId}")
  public HallView get(@PathVariable long hallId) {
    return halls.get(hallId);
  }

  @PutMapping("/api/admin/halls/{hallId}")
  public HallView update(@PathVariable long hallId, @Valid @RequestBody HallRequest request) {
    return halls.update(hallId, request);
  }

  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/api/admin/halls/{hallId}")
  public ResponseEntity<Void> delete(@PathVariable long hallId) {
    halls.delete(hallId);
    return ResponseEntity.noContent().build();
  }
}
