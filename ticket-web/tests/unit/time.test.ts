import { describe, expect, it } from 'vitest';
import { groupShowtimes, lowestPrice } from '../../src/lib/showtimes';
import {
  PLATFORM_TIME_ZONE, cinemaTimeZone, dayKey, formatCountdown, formatTime, formatZonedDateTime, formatZonedTime, instantOf,
  localDateTimeOf, secondsUntil, selectableTimeZones, timeZoneOption, zoneLabel,
} from '../../src/lib/time';

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

describe('times in each cinema\'s own zone', () => {
  const shanghai = 'Asia/Shanghai';
  const london = 'Europe/London';
  const at = '2026-12-06T11:30:00Z';

  it('formats one instant in two cinemas\' zones, labelled only where the device\'s clock reads otherwise', () => {
    expect(formatZonedTime(at, shanghai, 'en', shanghai)).toBe('19:30');
    expect(formatZonedTime(at, london, 'en', shanghai)).toBe('11:30 GMT');
    expect(formatZonedTime(at, shanghai, 'en', london)).toBe('19:30 GMT+8');
    expect(formatZonedTime(at, london, 'en', london)).toBe('11:30');
    expect(formatZonedDateTime(at, london, 'en-GB', shanghai)).toBe('Sun 6 Dec, 11:30 GMT');
    // summer time in London: the label follows the instant
    expect(formatZonedTime('2026-07-01T18:30:00Z', london, 'en-GB', shanghai)).toBe('19:30 BST');
    // another zone whose clock reads the same needs no label
    expect(zoneLabel(at, shanghai, 'en', 'Asia/Hong_Kong')).toBe('');
    expect(zoneLabel(at, london, 'en', 'Africa/Abidjan')).toBe('');
  });

  it('groups each showtime under the calendar day of its own cinema', () => {
    const days = groupShowtimes([
      { showtimeId: 'l', cinemaId: 'odeon', cinemaName: 'Odeon', city: 'London', timeZone: london, startsAt: '2026-12-05T20:00:00Z' },
      { showtimeId: 's', cinemaId: 'bund', cinemaName: 'Bund', city: 'Shanghai', timeZone: shanghai, startsAt: '2026-12-05T20:00:00Z' },
    ]);
    expect(days.map((d) => [d.day, d.zone])).toEqual([['2026-12-05', london], ['2026-12-06', shanghai]]);
  });

  it('falls back to the platform\'s zone when a cinema\'s zone is missing or unknown here', () => {
    expect(cinemaTimeZone(london)).toBe(london);
    expect(cinemaTimeZone(undefined)).toBe(PLATFORM_TIME_ZONE);
    expect(cinemaTimeZone('')).toBe(PLATFORM_TIME_ZONE);
    expect(cinemaTimeZone('Mars/Olympus_Mons')).toBe(PLATFORM_TIME_ZONE);
  });
});

describe('the zones an admin picks from', () => {
  it('lists regions and cities sorted, with the platform\'s and the current zone, never an Etc/ offset', () => {
    const zones = selectableTimeZones();
    expect(zones).toContain('Asia/Shanghai');
    expect(zones).toContain('Europe/London');
    expect(zones).toContain('UTC');
    expect(zones.filter((z) => z.startsWith('Etc/'))).toEqual([]);
    expect(zones).toEqual([...zones].sort());
    expect(selectableTimeZones('Antarctica/Troll')).toContain('Antarctica/Troll');
  });

  it('names a zone with its offset at the moment', () => {
    const winter = Date.parse('2026-12-06T00:00:00Z');
    // ICU versions write a zero offset as GMT or GMT+0
    expect(timeZoneOption('Europe/London', 'en', winter)).toMatch(/^Europe\/London \(GMT(\+0)?\)$/);
    expect(timeZoneOption('Europe/London', 'en', Date.parse('2026-07-01T00:00:00Z'))).toBe('Europe/London (GMT+1)');
    expect(timeZoneOption('America/Los_Angeles', 'en', winter)).toBe('America/Los Angeles (GMT-8)');
  });
});
