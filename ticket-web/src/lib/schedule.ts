// A hall's timetable (the program service's GET /api/admin/halls/{hallId}/showtimes, every program's showtimes in
// the hall) and which of its entries a new showtime would clash with, by the service's own rule
// (docs/ARCHITECTURE.md §13): a showtime holds its hall from its start for the program's running time plus the hall's
// cleaning buffer, and cancelled showtimes hold nothing. The service still decides: 409 SHOWTIME_OVERLAP.
import { ref, watch, type Ref } from 'vue';
import type { HallTimetable, HallTimetableEntry } from '../api/client';
import { api } from './session';

/** How long a new showtime of a program holds the hall: running time plus the cleaning buffer, in minutes. */
export function holdMinutes(durationMinutes: number, cleaningBufferSeconds: number): number {
  return durationMinutes + Math.ceil(cleaningBufferSeconds / 60);
}

/** The entries that hold the hall at some moment of [startsAt, startsAt + minutes), but for `except` (a moved one). */
export function clashes(startsAt: string, minutes: number, timetable: readonly HallTimetableEntry[], except?: string): HallTimetableEntry[] {
  const start = Date.parse(startsAt);
  const end = start + minutes * 60_000;
  return timetable.filter((entry) => entry.occupiesHall === true && entry.showtimeId !== except
    && Date.parse(entry.startsAt ?? '') < end && start < Date.parse(entry.occupiedUntil ?? ''));
}

/** The window to ask the timetable for around a start: a day either side covers any show that could touch it. */
export function windowAround(startsAt: string): { from: string; to: string } {
  const start = Date.parse(startsAt);
  const day = 24 * 3600_000;
  return { from: new Date(start - day).toISOString(), to: new Date(start + 2 * day).toISOString() };
}

/**
 * The timetable of a hall around a start, as both ends change: fetched again when the start leaves the window
 * fetched or the hall changes, and only the latest request's answer is taken (an earlier one may arrive after it).
 * `failed` says it could not be read; the service still refuses an overlap when the showtime is saved.
 */
export function useHallTimetable(hallId: Ref<string>, startsAt: Ref<string | undefined>) {
  const timetable = ref<HallTimetable>();
  const failed = ref(false);
  let known: { hallId: string; from: number; to: number } | undefined;
  let latest = 0;

  async function load(force = false): Promise<void> {
    const start = startsAt.value;
    if (hallId.value === '' || start === undefined) return;
    const at = Date.parse(start);
    const margin = 24 * 3600_000;
    if (!force && timetable.value && known && known.hallId === hallId.value && at - margin >= known.from && at + margin <= known.to) return;
    const window = windowAround(start);
    const forHall = hallId.value;
    const request = ++latest;
    try {
      const answer = await api.hallTimetable(forHall, window);
      if (request !== latest) return;
      timetable.value = answer;
      known = { hallId: forHall, from: Date.parse(window.from), to: Date.parse(window.to) };
      failed.value = false;
    } catch {
      if (request === latest) failed.value = true;
    }
  }

  watch([hallId, startsAt], () => {
    if (known?.hallId !== hallId.value) {
      // another hall (or none): nothing known of it yet
      timetable.value = undefined;
      known = undefined;
      failed.value = false;
    }
    void load();
  }, { immediate: true });

  return { timetable, failed, reload: () => load(true) };
}
