package com.ticketplatform.program.cinema;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CinemaService {

  public static final String CINEMA_HAS_HALLS = "CINEMA_HAS_HALLS";

  private final CinemaMapper cinemas;
  private final CinemaHalls halls;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public CinemaService(CinemaMapper cinemas, CinemaHalls halls, SnowflakeIdGenerator ids, Clock clock,
      ApplicationEventPublisher events) {
    this.cinemas = cinemas;
    this.halls = halls;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
  }

  @Transactional
  public long create(CinemaRequest request, IdempotencyRecords.Recorder recorder) {
    String zone = request.timeZoneId();
    Instant now = clock.instant();
    Cinema cinema = new Cinema();
    cinema.id = ids.nextId();
    cinema.name = request.name().trim();
    cinema.city = request.city().trim();
    cinema.address = request.address().trim();
    cinema.timeZone = zone == null ? CinemaRequest.DEFAULT_TIME_ZONE : zone;
    cinema.createdAt = now;
    cinema.updatedAt = now;
    cinemas.insert(cinema);
    recorder.created(cinema.id);
    return cinema.id;
  }

  public CinemaView get(long cinemaId) {
    return CinemaView.of(require(cinemaId));
  }

  Cinema require(long cinemaId) {
    Cinema cinema = cinemas.selectById(cinemaId);
    if (cinema == null) {
      throw ApiException.notFound("cinema " + cinemaId);
    }
    return cinema;
  }

  /** Renaming or moving a cinema, or changing its time zone, changes what every showing there displays. */
  @Transactional
  public CinemaView update(long cinemaId, CinemaRequest request) {
    String zone = request.timeZoneId();
    if (cinemas.lockById(cinemaId) == null) {
      throw ApiException.notFound("cinema " + cinemaId);
    }
    Cinema cinema = cinemas.selectById(cinemaId);
    cinema.name = request.name().trim();
    cinema.city = request.city().trim();
    cinema.address = request.address().trim();
    if (zone != null) {
      cinema.timeZone = zone;
    }
    cinema.updatedAt = clock.instant();
    cinemas.updateById(cinema);
    events.publishEvent(new CinemaChanged(cinemaId));
    return CinemaView.of(cinema);
  }

  @Transactional
  public void delete(long cinemaId) {
    if (cinemas.lockById(cinemaId) == null) {
      throw ApiException.notFound("cinema " + cinemaId);
    }
    if (halls.existIn(cinemaId)) {
      throw ApiException.conflict(CINEMA_HAS_HALLS, "delete the cinema's halls first");
    }
    cinemas.deleteById(cinemaId);
  }

  public List<CinemaView> list(String city) {
    QueryWrapper<Cinema> query = new QueryWrapper<Cinema>().orderByAsc("city", "name", "id").last("LIMIT 500");
    if (city != null && !city.isBlank()) {
      query.eq("city", city.trim());
    }
    return cinemas.selectList(query).stream().map(CinemaView::of).toList();
  }
}
