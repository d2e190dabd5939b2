package com.ticketplatform.advert.web;

import com.ticketplatform.common.web.Caller;
import com.ticketplatform.advert.announcement.AnnouncementService;
import com.ticketplatform.advert.announcement.AnnouncementService.AnnouncementRequest;
import com.ticketplatform.advert.announcement.AnnouncementService.AnnouncementView;
import com.ticketplatform.advert.announcement.AnnouncementService.InboxItem;
import com.ticketplatform.starter.idempotency.IdempotencyOutcome;
import com.ticketplatform.starter.idempotency.RedisIdempotency;
import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Announcements: admins publish; everyone reads ALL-audience ones; each customer reads their own inbox. */
@RestController
class AnnouncementController {

  private final AnnouncementService announcements;
  private final RedisIdempotency idempotency;

  AnnouncementController(AnnouncementService announcements, RedisIdempotency idempotency) {
    this.announcements = announcements;
    this.idempotency = idempotency;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/api/admin/announcements")
  ResponseEntity<AnnouncementView> publish(Caller caller,
      @RequestHeader(value = AuthHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @Valid @RequestBody AnnouncementRequest request) {
    Caller admin = caller.requireAdmin();
    IdempotencyOutcome<Long> outcome = idempotency.execute("announcement:" + admin.userId(), idempotencyKey,
        Long.class, () -> announcements.publish(request, admin.userId()).id(),
        request.title(), request.body(), request.audience(), request.showtimeId());
    return ResponseEntity.status(HttpStatus.CREATED).body(announcements.get(outcome.value()));
  }

  @GetMapping("/api/announcements")
  CursorPage<AnnouncementView> forEveryone(@RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    return announcements.forEveryone(PageRequest.of(cursor, size));
  }

  @GetMapping("/api/announcements/inbox")
  CursorPage<InboxItem> inbox(Caller caller, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    return announcements.inbox(caller.requireUser(), PageRequest.of(cursor, size));
  }

  @PostMapping("/api/announcements/inbox/{id}/read")
  InboxItem read(Caller caller, @PathVariable long id) {
    return announcements.markRead(caller.requireUser(), id);
  }
}
