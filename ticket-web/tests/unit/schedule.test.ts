import { describe, expect, it } from 'vitest';
import { clashes, hallMinutes } from '../../src/lib/schedule';

const showtime = (id: string, hallId: string, startsAt: string, endsAt: string, status = 'ON_SALE') => ({ showtimeId: id, hallId, startsAt, endsAt, status });

describe('a hall\'s timetable', () => {
  it('learns the cleaning time from the program\'s showtimes', () => {
    expect(hallMinutes(100, [{ startsAt: '2026-12-07T07:00:00Z', endsAt: '2026-12-07T09:00:00Z' }])).toBe(120);
    expect(hallMinutes(100, [])).toBe(100);
  });

  it('finds the showtimes a new one overlaps in the same hall, leaving cancelled ones and other halls out', () => {
    const known = [
      showtime('1', 'h1', '2026-12-07T07:00:00Z', '2026-12-07T09:00:00Z'),
      showtime('2', 'h1', '2026-12-07T09:00:00Z', '2026-12-07T11:00:00Z', 'CANCELLED'),
      showtime('3', 'h2', '2026-12-07T08:00:00Z', '2026-12-07T10:00:00Z'),
      showtime('4', 'h1', '2026-12-07T11:00:00Z', '2026-12-07T13:00:00Z'),
    ];
    expect(clashes('h1', '2026-12-07T08:30:00Z', 120, known).map((s) => s.showtimeId)).toEqual(['1']);
    expect(clashes('h1', '2026-12-07T09:00:00Z', 120, known)).toEqual([]);
    expect(clashes('h1', '2026-12-07T09:00:00Z', 121, known).map((s) => s.showtimeId)).toEqual(['4']);
  });
});
