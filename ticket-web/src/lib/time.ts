// Times are shown in the cinema's time zone, whatever the zone of the device: a showtime at 13:30 in Shanghai is
// 13:30 for a customer browsing from abroad too.

/**
 * The time zone of a cinema. The catalogue's cinemas are all in mainland China and the public API does not carry a
 * zone per cinema yet, so every cinema is in Asia/Shanghai until it does.
 */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai';

export function cinemaTimeZone(_cinemaId?: string): string {
  return PLATFORM_TIME_ZONE;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    cache.set(key, format);
  }
  return format;
}

/** "13:30" */
export function formatTime(iso: string, zone: string, locale: string): string {
  return formatter(locale, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "Sat, 5 Dec" / "12月5日周六" */
export function formatDay(iso: string, zone: string, locale: string): string {
  return formatter(locale, zone, { weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(iso));
}

/** "Sat, 5 Dec, 13:30" */
export function formatDateTime(iso: string, zone: string, locale: string): string {
  return formatter(locale, zone, {
    weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(iso));
}

/** The calendar day of an instant in a zone, "2026-12-05": the key showtimes are grouped by. */
export function dayKey(iso: string, zone: string): string {
  const parts = formatter('en-CA', zone, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole seconds from now until an instant, never negative. */
export function secondsUntil(iso: string, now: number): number {
  return Math.max(0, Math.floor((Date.parse(iso) - now) / 1000));
}

/** "14:05" for 845 seconds. */
export function formatCountdown(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `${minutes}:${String(rest).padStart(2, '0')}`;
}

/** The offset of a zone from UTC at an instant, in minutes (Shanghai: +480). */
function zoneOffsetMinutes(epochMs: number, zone: string): number {
  const parts = formatter('en-US', zone, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/**
 * The instant of a wall-clock time in a zone, "2026-12-06T19:30" in Asia/Shanghai → "2026-12-06T11:30:00.000Z": what
 * an admin types for a showtime is the cinema's local time, whatever the zone of their device.
 */
export function instantOf(localDateTime: string, zone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(localDateTime);
  if (match === null) throw new RangeError(`not a local date and time: ${localDateTime}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // the offset at the wall time read as UTC is right except within hours of a change; correct once with the result's
  let instant = wall - zoneOffsetMinutes(wall, zone) * 60000;
  instant = wall - zoneOffsetMinutes(instant, zone) * 60000;
  return new Date(instant).toISOString();
}

/** The wall-clock time of an instant in a zone, as a datetime-local input wants it: "2026-12-06T19:30". */
export function localDateTimeOf(iso: string, zone: string): string {
  return `${dayKey(iso, zone)}T${formatTime(iso, zone, 'en-GB')}`;
}
