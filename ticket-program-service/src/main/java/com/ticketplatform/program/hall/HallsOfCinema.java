package com.ticketplatform.program.hall;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.ticketplatform.program.cinema.CinemaHalls;
import org.springframework.stereotype.Component;

/** The halls of a cinema, for the cinema ({@link CinemaHalls}). */
@Component
class HallsOfCinema implements CinemaHalls {

  private final HallMapper halls;

  HallsOfCinema(HallMapper halls) {
    this.halls = halls;
  }

  @Override
  public boolean existIn(long cinemaId) {
    return halls.selectCount(new QueryWrapper<Hall>().eq("cinema_id", cinemaId)) > 0;
  }
}
