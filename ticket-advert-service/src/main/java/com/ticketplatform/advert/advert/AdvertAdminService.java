package com.ticketplatform.advert.advert;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Advert administration. Every change writes an audit row (who, what, when, before/after) in the same transaction. */
@Service
public class AdvertAdminService {

  private final AdvertMapper adverts;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;
  private final ObjectMapper json;

  public AdvertAdminService(AdvertMapper adverts, SnowflakeIdGenerator ids, Clock clock, ObjectMapper json) {
    this.adverts = adverts;
    this.ids = ids;
    this.clock = clock;
    this.json = json;
  }

  /** One audit entry as the API shows it; before/after are the advert's JSON. */
  public record AuditEntry(long id, long advertId, Long actorId, String action, Object before, Object after,
      Instant at) {}

  @Transactional
  public AdvertView create(AdvertRequest request, Long actorId) {
    AdvertRules.check(request);
    AdvertRow row = new AdvertRow();
    row.id = ids.nextId();
    apply(row, request);
    row.status = AdvertRow.ACTIVE;
    row.version = 0;
    row.createdAt = now();
    row.updatedAt = row.createdAt;
    adverts.insert(row);
    AdvertView after = AdvertView.of(adverts.findById(row.id));
    audit(row.id, actorId, "CREATE", null, after);
    return after;
  }

  @Transactional
  public AdvertView update(long id, AdvertRequest request, Long actorId) {
    AdvertRules.check(request);
    AdvertRow row = existing(id);
    AdvertView before = AdvertView.of(row);
    apply(row, request);
    row.updatedAt = now();
    if (adverts.update(row) == 0) {
      throw ApiException.conflict(ErrorCodes.CONFLICT, "the advert was changed concurrently; reload and retry");
    }
    AdvertView after = AdvertView.of(adverts.findById(id));
    audit(id, actorId, "UPDATE", before, after);
    return after;
  }

  /** Soft delete: the row stays for the audit trail and is never served again. */
  @Transactional
  public void delete(long id, Long actorId) {
    AdvertRow row = existing(id);
    AdvertView before = AdvertView.of(row);
    row.status = AdvertRow.DELETED;
    row.updatedAt = now();
    if (adverts.update(row) == 0) {
      throw ApiException.conflict(ErrorCodes.CONFLICT, "the advert was changed concurrently; reload and retry");
    }
    audit(id, actorId, "DELETE", before, null);
  }

  public AdvertView get(long id) {
    return AdvertView.of(existing(id));
  }

  public CursorPage<AdvertView> list(PageRequest page) {
    CursorPage<AdvertRow> rows = page.page(adverts.page(page.afterLong(), page.size() + 1), r -> Long.toString(r.id));
    return new CursorPage<>(rows.items().stream().map(AdvertView::of).toList(), rows.nextCursor());
  }

  public List<AuditEntry> audit(long advertId) {
    if (adverts.findById(advertId) == null) {
      throw ApiException.notFound("advert");
    }
    return adverts.audit(advertId).stream()
        .map(a -> new AuditEntry(a.id, a.advertId, a.actorId, a.action, parse(a.beforeJson), parse(a.afterJson),
            a.at.toInstant(ZoneOffset.UTC)))
        .toList();
  }

  private AdvertRow existing(long id) {
    AdvertRow row = adverts.findById(id);
    if (row == null || AdvertRow.DELETED.equals(row.status)) {
      throw ApiException.notFound("advert");
    }
    return row;
  }

  private static void apply(AdvertRow row, AdvertRequest request) {
    row.title = request.title().trim();
    row.imageUrl = request.imageUrl().trim();
    row.linkUrl = request.linkUrl().trim();
    row.placement = Placement.parse(request.placement()).orElseThrow().name();
    row.startsAt = LocalDateTime.ofInstant(request.startsAt(), ZoneOffset.UTC);
    row.endsAt = LocalDateTime.ofInstant(request.endsAt(), ZoneOffset.UTC);
    row.priority = request.priority();
    row.weight = request.weight();
    row.categories = request.categories() == null ? "" : request.categories().stream()
        .map(c -> c.trim().toUpperCase(Locale.ROOT)).distinct().collect(Collectors.joining(","));
    row.cinemaIds = request.cinemaIds() == null ? "" : request.cinemaIds().stream().distinct()
        .map(String::valueOf).collect(Collectors.joining(","));
    row.dailyCap = request.dailyCap();
  }

  private void audit(long advertId, Long actorId, String action, AdvertView before, AdvertView after) {
    AdvertMapper.AuditRow audit = new AdvertMapper.AuditRow();
    audit.id = ids.nextId();
    audit.advertId = advertId;
    audit.actorId = actorId;
    audit.action = action;
    audit.beforeJson = write(before);
    audit.afterJson = write(after);
    audit.at = now();
    adverts.insertAudit(audit);
  }

  private String write(Object value) {
    try {
      return value == null ? null : json.writeValueAsString(value);
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object parse(String value) {
    try {
      return value == null ? null : json.readTree(value);
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }

  private LocalDateTime now() {
    LocalDateTime now = LocalDateTime.now(clock);
    return now.withNano(now.getNano() / 1_000_000 * 1_000_000);
  }
}
