package com.ticketplatform.program.cinema;

public record CinemaView(long cinemaId, String name, String city, String address) {

  static CinemaView of(Cinema cinema) {
    return new CinemaView(cinema.id, cinema.name, cinema.city, cinema.address);
  }
}
