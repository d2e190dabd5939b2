package com.ticketplatform.order.eticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When an e-ticket admits ({@code ticket.eticket.*}): from {@code admitBefore} before its showtime starts until
 * {@code admitAfter} after (a late-comer still gets in; a code kept from last week does not).
 */
@ConfigurationProperties("ticket.eticket")
public record ETicketProperties(Duration admitBefore, Duration admitAfter) {

  public ETicketProperties {
    admitBefore = admitBefore == null ? Duration.ofHours(2) : admitBefore;
    admitAfter = admitAfter == null ? Duration.ofHours(3) : admitAfter;
  }
}
