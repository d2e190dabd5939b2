// A hall's timetable (the program service's GET /api/admin/halls/{hallId}/showtimes, every program's showtimes in
// the hall) and which of its entries a new showtime would clash with, by the service's own rule
// (docs/ARCHITECTURE.md §13): a showtime holds its hall from its start for the program's running time plus the hall's
// cleaning buffer, and cancelled showtimes hold nothing. The service still decides: 409 SHOWTIME_OVERLAP.
import type { HallTimetableEntry } from '../api/client';

/** How long a new showtime of a program holds the hall: running time plus the cleaning buffer, in minutes. */
export function holdMinutes(durationMinutes: number, cleaningBufferSeconds: number): number {
  return durationMinutes + Math.ceil(cleaningBufferSeconds / 60);
}

/** The entries that hold the hall at some moment of [startsAt, startsAt + minutes). */
export function clashes(startsAt: string, minutes: number, timetable: readonly HallTimetableEntry[]): HallTimetableEntry[] {
  const start = Date.parse(startsAt);
  const end = start + minutes * 60_000;
  return timetable.filter((entry) => entry.occupiesHall === true
    && Date.parse(entry.startsAt ?? '') < end && start < Date.parse(entry.occupiedUntil ?? ''));
}

/** The window to ask the timetable for around a start: a day either side covers any show that could touch it. */
export function windowAround(startsAt: string): { from: string; to: string } {
  const start = Date.parse(startsAt);
  const day = 24 * 3600_000;
  return { from: new Date(start - day).toISOString(), to: new Date(start + 2 * day).toISOString() };
}
