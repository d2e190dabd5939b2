package com.ticketplatform.program.cache;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.ticketplatform.program.config.ProgramProperties;
import com.ticketplatform.program.program.Program;
import com.ticketplatform.program.program.ProgramMapper;
import com.ticketplatform.program.showtime.Showtime;
import com.ticketplatform.program.showtime.ShowtimeMapper;
import java.util.List;
import org.redisson.api.RBloomFilter;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bloom filters of every program and showtime id that exists, in front of the cache: a request for an id that was
 * never created is answered 404 without touching Redis' cache entries or the database (cache penetration).
 *
 * <p>Ids are added before the creating transaction commits, so the filter never lacks an existing id (a rolled-back
 * create only leaves a harmless false positive). Filled from the database before the web server accepts requests;
 * when Redis was not reachable then, the filter is bypassed (reads fall through to the cache with its "does not
 * exist" entries) until a later warm-up succeeds.
 */
@Component
public class IdBloomFilters implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(IdBloomFilters.class);
  private static final int BATCH = 1000;

  private final RBloomFilter<String> programs;
  private final RBloomFilter<String> showtimes;
  private final ProgramProperties.Cache settings;
  private final ProgramMapper programMapper;
  private final ShowtimeMapper showtimeMapper;
  private volatile boolean ready;

  public IdBloomFilters(RedissonClient redisson, ProgramProperties properties, ProgramMapper programMapper,
      ShowtimeMapper showtimeMapper) {
    this.settings = properties.cache();
    this.programs = redisson.getBloomFilter(settings.keyPrefix() + "bloom:program", StringCodec.INSTANCE);
    this.showtimes = redisson.getBloomFilter(settings.keyPrefix() + "bloom:showtime", StringCodec.INSTANCE);
    this.programMapper = programMapper;
    this.showtimeMapper = showtimeMapper;
  }

  @Override
  public void afterSingletonsInstantiated() {
    warmUp();
  }

  @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
  void retryWarmUp() {
    if (!ready) {
      warmUp();
    }
  }

  synchronized void warmUp() {
    try {
      programs.tryInit(settings.bloomExpectedInsertions(), settings.bloomFalsePositiveRate());
      showtimes.tryInit(settings.bloomExpectedInsertions(), settings.bloomFalsePositiveRate());
      long lastId = Long.MIN_VALUE;
      while (true) {
        List<Object> ids = programMapper.selectObjs(new QueryWrapper<Program>().select("id")
            .gt("id", lastId).orderByAsc("id").last("LIMIT " + BATCH));
        ids.forEach(id -> programs.add(id.toString()));
        if (ids.size() < BATCH) {
          break;
        }
        lastId = ((Number) ids.get(ids.size() - 1)).longValue();
      }
      lastId = Long.MIN_VALUE;
      while (true) {
        List<Object> ids = showtimeMapper.selectObjs(new QueryWrapper<Showtime>().select("id")
            .gt("id", lastId).orderByAsc("id").last("LIMIT " + BATCH));
        ids.forEach(id -> showtimes.add(id.toString()));
        if (ids.size() < BATCH) {
          break;
        }
        lastId = ((Number) ids.get(ids.size() - 1)).longValue();
      }
      ready = true;
    } catch (RuntimeException e) {
      log.warn("Bloom filters not warmed up ({}); reads bypass them until a retry succeeds", e.toString());
    }
  }

  public boolean mightBeProgram(long programId) {
    return !ready || programs.contains(Long.toString(programId));
  }

  public boolean mightBeShowtime(long showtimeId) {
    return !ready || showtimes.contains(Long.toString(showtimeId));
  }

  public void addProgram(long programId) {
    programs.add(Long.toString(programId));
  }

  public void addShowtime(long showtimeId) {
    showtimes.add(Long.toString(showtimeId));
  }
}
