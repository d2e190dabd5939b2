package com.ticketplatform.program.program;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import com.ticketplatform.program.web.AdminResponses;
import jakarta.validation.Valid;
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

/** A program's detail, and its administration; the program list is search's ({@code ProgramSearchController}). */
@RestController
public class ProgramController {

  private final ProgramService programs;
  private final IdempotencyRecords idempotency;

  public ProgramController(ProgramService programs, IdempotencyRecords idempotency) {
    this.programs = programs;
    this.idempotency = idempotency;
  }

  @GetMapping("/api/programs/{programId}")
  public ProgramDetail detail(@PathVariable long programId) {
    return programs.detail(programId);
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/api/admin/programs")
  public ResponseEntity<ProgramDetail> create(Caller caller,
      @RequestHeader(name = AuthHeaders.IDEMPOTENCY_KEY, required = false) String key,
      @Valid @RequestBody ProgramRequest request) {
    long userId = caller.requireUser();
    return AdminResponses.created(idempotency.create(userId, "POST /api/admin/programs", key,
        idempotency.hashOf(request), recorder -> programs.create(request, recorder), programs::get));
  }

  @GetMapping("/api/admin/programs/{programId}")
  public ProgramDetail get(@PathVariable long programId) {
    return programs.get(programId);
  }

  @PutMapping("/api/admin/programs/{programId}")
  public ProgramDetail update(@PathVariable long programId, @Valid @RequestBody ProgramRequest request) {
    return programs.update(programId, request);
  }

  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/api/admin/programs/{programId}")
  public ResponseEntity<Void> delete(@PathVariable long programId) {
    programs.delete(programId);
    return ResponseEntity.noContent().build();
  }
}
