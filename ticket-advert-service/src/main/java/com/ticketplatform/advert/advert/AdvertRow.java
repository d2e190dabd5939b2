package com.ticketplatform.advert.advert;

import java.time.LocalDateTime;

/** One row of {@code t_advert}; times are UTC. */
public class AdvertRow {

  public static final String ACTIVE = "ACTIVE";
  public static final String DELETED = "DELETED";

  public Long id;
  public String title;
  public String imageUrl;
  public String linkUrl;
  public String placement;
  public LocalDateTime startsAt;
  public LocalDateTime endsAt;
  public Integer priority;
  public Integer weight;
  public String categories;
  public String cinemaIds;
  public Integer dailyCap;
  public String status;
  public Integer version;
  public LocalDateTime createdAt;
  public LocalDateTime updatedAt;
}
