package com.ticketplatform.notify.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.notify.notice.Inbox;
import com.ticketplatform.notify.notice.NoticeKind;
import com.ticketplatform.notify.preference.Language;
import com.ticketplatform.notify.preference.Preferences;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/** The caller's in-app notifications and notification preferences (docs/ARCHITECTURE.md §14). */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  record NotificationView(long id, NoticeKind kind, String title, String body,
      @Schema(nullable = true) Long orderNo, Instant createdAt,
      @Schema(nullable = true, description = "when the user marked it read; null while unread") Instant readAt) {}

  record PreferencesView(boolean reminders,
      @Schema(allowableValues = {"en", "zh-CN"}) String language) {}

  record PreferencesUpdate(
      @Schema(nullable = true, description = "reminders before the show and before a hold runs out; receipts are"
          + " always sent") Boolean reminders,
      @Schema(nullable = true, allowableValues = {"en", "zh-CN"}) String language) {}

  private final Inbox inbox;
  private final Preferences preferences;

  NotificationController(Inbox inbox, Preferences preferences) {
    this.inbox = inbox;
    this.preferences = preferences;
  }

  /** Newest first. The client's Accept-Language becomes the language of notices while the user chose none. */
  @GetMapping
  CursorPage<NotificationView> notifications(Caller caller, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    long userId = caller.requireUser();
    PageRequest page = PageRequest.of(cursor, size);
    Language.fromAcceptLanguage(acceptLanguage).ifPresent(language -> preferences.seen(userId, language));
    CursorPage<Inbox.Entry> entries = inbox.of(userId, page);
    return new CursorPage<>(entries.items().stream().map(e -> new NotificationView(e.id(), e.kind(), e.title(),
        e.body(), e.orderNo(), e.createdAt(), e.readAt())).toList(), entries.nextCursor());
  }

  @PostMapping("/{id}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void markNotificationRead(Caller caller, @PathVariable long id) {
    if (!inbox.markRead(caller.requireUser(), id)) {
      throw ApiException.notFound("notification");
    }
  }

  @GetMapping("/preferences")
  PreferencesView notificationPreferences(Caller caller) {
    return view(preferences.of(caller.requireUser()));
  }

  @PutMapping("/preferences")
  PreferencesView updateNotificationPreferences(Caller caller, @RequestBody PreferencesUpdate update) {
    long userId = caller.requireUser();
    Language language = null;
    if (update.language() != null) {
      language = Language.ofTag(update.language()).orElseThrow(() -> ApiException.badRequest(
          ErrorCodes.VALIDATION_FAILED, "language must be en or zh-CN"));
    }
    return view(preferences.update(userId, update.reminders(), language));
  }

  private static PreferencesView view(Preferences.Preference preference) {
    return new PreferencesView(preference.reminders(), preference.language().tag());
  }
}
