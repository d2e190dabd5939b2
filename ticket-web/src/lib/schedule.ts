// A hall's timetable as the console can see it: the showtimes it knows of in the hall (those of the program at hand;
// the API has no list of a hall's showtimes yet, docs/ARCHITECTURE.md §13) and which of them a new one would clash
// with. The program service checks every hall for real and refuses an overlap with 409 SHOWTIME_OVERLAP.
import type { Showtime } from '../api/client';

export interface Slot {
  startsAt: string;
  endsAt: string;
}

/**
 * How long a showtime of a program holds its hall: the program's duration plus the cleaning time between shows,
 * learnt from the program's showtimes (endsAt − startsAt − duration); none known, the duration alone.
 */
export function hallMinutes(durationMinutes: number, known: readonly Slot[]): number {
  const spans = known.map((s) => Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60000)).filter((m) => m >= durationMinutes);
  return spans.length > 0 ? Math.max(...spans) : durationMinutes;
}

/** The showtimes in the same hall, not cancelled, whose time overlaps [startsAt, startsAt + minutes). */
export function clashes(hallId: string, startsAt: string, minutes: number, showtimes: readonly Showtime[]): Showtime[] {
  const start = Date.parse(startsAt);
  const end = start + minutes * 60000;
  return showtimes.filter((s) => s.hallId === hallId && s.status !== 'CANCELLED'
    && Date.parse(s.startsAt ?? '') < end && start < Date.parse(s.endsAt ?? ''));
}
