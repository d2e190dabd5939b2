import { describe, expect, it } from 'vitest';
import { clashes, holdMinutes, windowAround } from '../../src/lib/schedule';

const entry = (id: string, startsAt: string, occupiedUntil: string, occupiesHall = true) => ({
  showtimeId: id, programTitle: `Show ${id}`, startsAt, occupiedUntil, occupiesHall,
});

describe('a hall\'s timetable', () => {
  it('a new showtime holds the hall for the running time plus the cleaning buffer', () => {
    expect(holdMinutes(100, 1200)).toBe(120);
    expect(holdMinutes(100, 0)).toBe(100);
    expect(holdMinutes(100, 90)).toBe(102);
  });

  it('finds the entries a new showtime overlaps, by the slot the service checks, leaving cancelled ones out', () => {
    const timetable = [
      entry('1', '2026-12-07T07:00:00Z', '2026-12-07T09:00:00Z'),
      entry('2', '2026-12-07T09:00:00Z', '2026-12-07T11:00:00Z', false),
      entry('4', '2026-12-07T11:00:00Z', '2026-12-07T13:00:00Z'),
    ];
    expect(clashes('2026-12-07T08:30:00Z', 120, timetable).map((s) => s.showtimeId)).toEqual(['1']);
    // starting exactly when the slot before it is free, and ending exactly when the next begins: no clash
    expect(clashes('2026-12-07T09:00:00Z', 120, timetable)).toEqual([]);
    expect(clashes('2026-12-07T09:00:00Z', 121, timetable).map((s) => s.showtimeId)).toEqual(['4']);
    expect(clashes('2026-12-07T06:00:00Z', 24 * 60, timetable).map((s) => s.showtimeId)).toEqual(['1', '4']);
  });

  it('asks for a window wide enough for any show touching the start', () => {
    expect(windowAround('2026-12-07T08:00:00.000Z')).toEqual({ from: '2026-12-06T08:00:00.000Z', to: '2026-12-09T08:00:00.000Z' });
  });
});
