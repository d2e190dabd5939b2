package com.ticketplatform.program.showtime;

/**
 * Where a program stands with its showtimes, for the admin program list. The three never overlap and every program
 * is in one:
 * <ul>
 *   <li>{@code ON_SALE}: at least one showtime a buyer can order now: status {@code ON_SALE} and not started yet
 *       (the order service's own rule), so neither cancelled, finished nor past;</li>
 *   <li>{@code SCHEDULED}: it has showtimes, whatever their status, but none of them on sale in that sense;</li>
 *   <li>{@code NOT_SCHEDULED}: no showtime at all (the only case in which the program can be deleted).</li>
 * </ul>
 */
public enum ProgramScheduleStatus {
  ON_SALE, SCHEDULED, NOT_SCHEDULED
}
