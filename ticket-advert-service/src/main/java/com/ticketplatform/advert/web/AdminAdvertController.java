package com.ticketplatform.advert.web;

import com.ticketplatform.common.web.Caller;
import com.ticketplatform.advert.advert.AdvertAdminService;
import com.ticketplatform.advert.advert.AdvertRequest;
import com.ticketplatform.advert.advert.AdvertView;
import com.ticketplatform.starter.idempotency.IdempotencyOutcome;
import com.ticketplatform.starter.idempotency.RedisIdempotency;
import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import jakarta.validation.Valid;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Advert administration (role ADMIN). The role is checked before the body is even validated. */
@RestController
@RequestMapping("/api/admin/adverts")
class AdminAdvertController {

  private final AdvertAdminService adverts;
  private final RedisIdempotency idempotency;

  AdminAdvertController(AdvertAdminService adverts, RedisIdempotency idempotency) {
    this.adverts = adverts;
    this.idempotency = idempotency;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<AdvertView> create(Caller caller,
      @RequestHeader(value = AuthHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @Valid @RequestBody AdvertRequest request) {
    Caller admin = caller.requireAdmin();
    IdempotencyOutcome<Long> outcome = idempotency.execute("advert:" + admin.userId(), idempotencyKey,
        Long.class, () -> adverts.create(request, admin.userId()).id(),
        request);
    AdvertView view = adverts.get(outcome.value());
    return ResponseEntity.created(URI.create("/api/admin/adverts/" + view.id())).body(view);
  }

  @GetMapping
  CursorPage<AdvertView> list(Caller caller, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    caller.requireAdmin();
    return adverts.list(PageRequest.of(cursor, size));
  }

  @GetMapping("/{id}")
  AdvertView get(Caller caller, @PathVariable long id) {
    caller.requireAdmin();
    return adverts.get(id);
  }

  @PutMapping("/{id}")
  AdvertView update(Caller caller, @PathVariable long id, @Valid @RequestBody AdvertRequest request) {
    Caller admin = caller.requireAdmin();
    return adverts.update(id, request, admin.userId());
  }

  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Caller caller, @PathVariable long id) {
    Caller admin = caller.requireAdmin();
    adverts.delete(id, admin.userId());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/audit")
  List<AdvertAdminService.AuditEntry> audit(Caller caller, @PathVariable long id) {
    caller.requireAdmin();
    return adverts.audit(id);
  }
}
