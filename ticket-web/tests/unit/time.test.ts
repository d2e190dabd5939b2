import { describe, expect, it } from 'vitest';
import { groupShowtimes, lowestPrice } from '../../src/lib/showtimes';
import { dayKey, formatCountdown, formatTime, instantOf, localDateTimeOf, secondsUntil } from '../../src/lib/time';

describe('times in the cinema\'s zone', () => {
  it('shows and groups by the cinema\'s clock, not the device\'s', () => {
    // 17:00Z is 01:00 the next day in Shanghai
    expect(formatTime('2026-12-05T17:00:00Z', 'Asia/Shanghai', 'en')).toBe('01:00');
    expect(dayKey('2026-12-05T17:00:00Z', 'Asia/Shanghai')).toBe('2026-12-06');
  });

  it('groups showtimes by day, then city, then cinema, each by time', () => {
    const days = groupShowtimes([
      { showtimeId: '3', cinemaId: 'b', cinemaName: 'Bund', city: 'Shanghai', startsAt: '2026-12-06T02:00:00Z', prices: { A: 88 }, currency: 'CNY' },
      { showtimeId: '1', cinemaId: 'b', cinemaName: 'Bund', city: 'Shanghai', startsAt: '2026-12-05T05:30:00Z' },
      { showtimeId: '2', cinemaId: 's', cinemaName: 'Sanlitun', city: 'Beijing', startsAt: '2026-12-05T12:30:00Z' },
      { showtimeId: '4', cinemaId: 'b', cinemaName: 'Bund', city: 'Shanghai', startsAt: '2026-12-05T01:00:00Z' },
    ]);
    expect(days.map((d) => d.day)).toEqual(['2026-12-05', '2026-12-06']);
    expect(days[0]!.cities.map((c) => c.city)).toEqual(['Beijing', 'Shanghai']);
    expect(days[0]!.cities[1]!.cinemas[0]!.showtimes.map((s) => s.showtimeId)).toEqual(['4', '1']);
  });

  it('finds the lowest tier price in minor units', () => {
    expect(lowestPrice({ currency: 'CNY', prices: { A: 88, B: 68.5, C: 48 } })).toBe(4800);
    expect(lowestPrice({ currency: 'CNY', prices: {} })).toBeUndefined();
  });

  it('counts down whole seconds', () => {
    expect(secondsUntil('2026-12-05T00:15:00Z', Date.parse('2026-12-05T00:00:00.500Z'))).toBe(899);
    expect(secondsUntil('2026-12-05T00:00:00Z', Date.parse('2026-12-05T00:01:00Z'))).toBe(0);
    expect(formatCountdown(845)).toBe('14:05');
  });
});

describe('wall-clock times of the cinema', () => {
  it('turns a local time in the cinema zone into an instant and back', () => {
    expect(instantOf('2026-12-06T19:30', 'Asia/Shanghai')).toBe('2026-12-06T11:30:00.000Z');
    expect(instantOf('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T08:00:00.000Z');
    expect(localDateTimeOf('2026-12-06T11:30:00Z', 'Asia/Shanghai')).toBe('2026-12-06T19:30');
  });
});
