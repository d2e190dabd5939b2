package com.ticketplatform.notify.notice;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notice's title and text in a language (messages in {@code notify/messages*.properties}), with times in the
 * cinemas' zone: what the inbox stores and the mail templates show.
 */
@Component
public class NoticeTexts {

  public record Text(String title, String body) {}

  private final MessageSource messages;
  private final ZoneId zone;

  public NoticeTexts(MessageSource messages, NotifyProperties properties) {
    this.messages = messages;
    this.zone = properties.zone();
  }

  public Text of(NoticeKind kind, Long orderNo, Notice.Facts facts, Locale locale) {
    Object[] args = {
        facts.programTitle() != null ? facts.programTitle() : messages.getMessage("notice.your-show", null, locale),
        facts.startsAt() != null ? time(facts.startsAt(), locale) : "",
        facts.amount() != null ? facts.amount().toPlainString() + " " + facts.currency() : "",
        orderNo != null ? orderNo.toString() : "",
        facts.reason() != null ? facts.reason() : "",
        facts.expiresAt() != null ? time(facts.expiresAt(), locale) : ""};
    String prefix = "notice." + kind.name();
    return new Text(messages.getMessage(prefix + ".title", args, locale),
        messages.getMessage(prefix + ".body", args, locale));
  }

  /** A time as the language writes it, in the cinemas' zone. */
  public String time(java.time.Instant at, Locale locale) {
    String pattern = messages.getMessage("notice.time-pattern", null, locale);
    return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone).format(at);
  }

  public String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
