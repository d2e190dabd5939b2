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
