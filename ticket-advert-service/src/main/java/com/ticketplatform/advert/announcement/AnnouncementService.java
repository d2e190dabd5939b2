package com.ticketplatform.advert.announcement;

import com.ticketplatform.advert.announcement.AnnouncementMapper.AnnouncementRow;
import com.ticketplatform.advert.announcement.AnnouncementMapper.InboxRow;
import com.ticketplatform.advert.interest.InterestMapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announcements. Audience ALL is stored once and read by everyone ({@code GET /api/announcements}): no fan-out, so a
 * million customers cost one row. Audience SHOWTIME_BUYERS fans out to an inbox row per buyer of the showtime (known
 * from OrderPaid events), in the buyer's shard, in the same transaction as the announcement.
 */
@Service
public class AnnouncementService {

  public static final String ALL = "ALL";
  public static final String SHOWTIME_BUYERS = "SHOWTIME_BUYERS";
  private static final int INSERT_CHUNK = 200;

  private final AnnouncementMapper announcements;
  private final InterestMapper buyers;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;

  public AnnouncementService(AnnouncementMapper announcements, InterestMapper buyers, SnowflakeIdGenerator ids,
      Clock clock) {
    this.announcements = announcements;
    this.buyers = buyers;
    this.ids = ids;
    this.clock = clock;
  }

  public record AnnouncementRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 5000) String body,
      @NotNull String audience, Long showtimeId) {}

  public record AnnouncementView(long id, String title, String body, String audience, Long showtimeId,
      int recipients, Instant createdAt) {
    static AnnouncementView of(AnnouncementRow row) {
      return new AnnouncementView(row.id, row.title, row.body, row.audience, row.showtimeId, row.recipients,
          row.createdAt.toInstant(ZoneOffset.UTC));
    }
  }

  public record InboxItem(long id, long announcementId, String title, String body, Long showtimeId,
      Instant createdAt, boolean read, Instant readAt) {}

  @Transactional
  public AnnouncementView publish(AnnouncementRequest request, Long adminId) {
    String audience = request.audience().trim().toUpperCase(Locale.ROOT);
    if (!ALL.equals(audience) && !SHOWTIME_BUYERS.equals(audience)) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "audience must be ALL or SHOWTIME_BUYERS");
    }
    if (SHOWTIME_BUYERS.equals(audience) && request.showtimeId() == null) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "showtimeId is required for SHOWTIME_BUYERS");
    }
    AnnouncementRow row = new AnnouncementRow();
    row.id = ids.nextId();
    row.title = request.title().trim();
    row.body = request.body();
    row.audience = audience;
    row.showtimeId = SHOWTIME_BUYERS.equals(audience) ? request.showtimeId() : null;
    row.createdBy = adminId;
    row.createdAt = now();
    List<Long> recipients = SHOWTIME_BUYERS.equals(audience) ? buyers.buyersOf(row.showtimeId) : List.of();
    row.recipients = recipients.size();
    announcements.insert(row);
    List<InboxRow> inbox = new ArrayList<>();
    for (Long userId : recipients) {
      InboxRow item = new InboxRow();
      item.id = ids.nextIdFor(userId);
      item.userId = userId;
      item.announcementId = row.id;
      item.createdAt = row.createdAt;
      inbox.add(item);
      if (inbox.size() == INSERT_CHUNK) {
        announcements.insertInbox(inbox);
        inbox = new ArrayList<>();
      }
    }
    if (!inbox.isEmpty()) {
      announcements.insertInbox(inbox);
    }
    return AnnouncementView.of(row);
  }

  public AnnouncementView get(long id) {
    List<AnnouncementRow> rows = announcements.findByIds(List.of(id));
    if (rows.isEmpty()) {
      throw ApiException.notFound("announcement");
    }
    return AnnouncementView.of(rows.get(0));
  }

  public CursorPage<AnnouncementView> forEveryone(PageRequest page) {
    CursorPage<AnnouncementRow> rows = page.page(announcements.pageForAll(page.afterLong(), page.size() + 1),
        r -> Long.toString(r.id));
    return new CursorPage<>(rows.items().stream().map(AnnouncementView::of).toList(), rows.nextCursor());
  }

  public CursorPage<InboxItem> inbox(long userId, PageRequest page) {
    CursorPage<InboxRow> rows = page.page(announcements.pageInbox(userId, page.afterLong(), page.size() + 1),
        r -> Long.toString(r.id));
    if (rows.items().isEmpty()) {
      return new CursorPage<>(List.of(), null);
    }
    Map<Long, AnnouncementRow> byId = announcements.findByIds(
            rows.items().stream().map(r -> r.announcementId).distinct().toList()).stream()
        .collect(Collectors.toMap(a -> a.id, Function.identity()));
    List<InboxItem> items = rows.items().stream()
        .filter(r -> byId.containsKey(r.announcementId))
        .map(r -> item(r, byId.get(r.announcementId)))
        .toList();
    return new CursorPage<>(items, rows.nextCursor());
  }

  /** Marks an inbox item read; idempotent. Another user's item is 404, as if it did not exist. */
  public InboxItem markRead(long userId, long inboxId) {
    InboxRow row = announcements.findInbox(userId, inboxId);
    if (row == null) {
      throw ApiException.notFound("inbox item");
    }
    announcements.markRead(userId, inboxId, now());
    InboxRow updated = announcements.findInbox(userId, inboxId);
    return item(updated, announcements.findByIds(List.of(updated.announcementId)).get(0));
  }

  private static InboxItem item(InboxRow row, AnnouncementRow announcement) {
    return new InboxItem(row.id, row.announcementId, announcement.title, announcement.body, announcement.showtimeId,
        row.createdAt.toInstant(ZoneOffset.UTC), row.readAt != null,
        row.readAt == null ? null : row.readAt.toInstant(ZoneOffset.UTC));
  }

  private LocalDateTime now() {
    LocalDateTime now = LocalDateTime.now(clock);
    return now.withNano(now.getNano() / 1_000_000 * 1_000_000);
  }
}
