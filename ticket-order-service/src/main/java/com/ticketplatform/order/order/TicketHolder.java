package com.ticketplatform.order.order;

/**
 * The person a real-name ticket is for (docs/ARCHITECTURE.md §12): the name and the masked ID number the door compares
 * with the ID shown. {@code idNumberHash} is the user service's keyed hash of the ID number, equal for one person in
 * every account: what the showtime's per-ID cap counts. It travels with the saga, it is not kept on the ticket.
 */
public record TicketHolder(long holderId, String name, String idType, String idNumberMask, String idNumberHash) {

  /** What the ticket's code and the door show: the name and the masked number. */
  public String shown() {
    return shown(name, idNumberMask);
  }

  public static String shown(String name, String idNumberMask) {
    return name + " " + idNumberMask;
  }
}
