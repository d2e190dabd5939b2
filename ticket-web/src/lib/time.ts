// Times are shown in the cinema's time zone, whatever the zone of the device: a showtime at 13:30 in Shanghai is
// 13:30 for a customer browsing from abroad too, labelled with the zone ("13:30 GMT+8") when the device's clock
// would read otherwise (docs/ARCHITECTURE.md §10).

/**
 * The zone of a time whose cinema is not known (orders, e-tickets, the console's lists): the catalogue's first
 * cinemas, all in mainland China. A cinema's own zone comes with the API's cinemas, showtimes and seat maps.
 */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai';

const known = new Map<string, boolean>();

/** The zone to show a cinema's times in: its own IANA zone, or the platform's when none (or none known here) is given. */
export function cinemaTimeZone(zone?: string | null): string {
  if (!zone) return PLATFORM_TIME_ZONE;
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    known.set(zone, ok);
  }
  return ok ? zone : PLATFORM_TIME_ZONE;
}

/**
 * The zones an admin picks a cinema's from: every region and city this browser knows (not the Etc/ offsets, which do
 * not follow daylight saving), UTC, the platform's zone and the cinema's current one, sorted.
 */
export function selectableTimeZones(current?: string | null): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone').filter((z) => z.includes('/') && !z.startsWith('Etc/')));
  zones.add('UTC');
  zones.add(PLATFORM_TIME_ZONE);
  if (current) zones.add(current);
  return [...zones].sort();
}

/** "Europe/London (GMT)", "Asia/Ho Chi Minh (GMT+7)": a zone as a select lists it, with its offset now. */
export function timeZoneOption(zone: string, locale: string, now: number = Date.now()): string {
  let offset = '';
  try {
    offset = formatter(locale, zone, { timeZoneName: 'shortOffset' }).formatToParts(new Date(now))
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    // a zone this browser does not know is listed by its name alone
  }
  const name = zone.replaceAll('_', ' ');
  return offset === '' ? name : `${name} (${offset})`;
}

/** The zone of this device's clock. */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
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

/**
 * The zone's short name at an instant ("GMT", "BST", "GMT+8"), or '' when a clock in `browserZone` reads the
 * same there and then: a label only where the device's own time would differ.
 */
export function zoneLabel(iso: string, zone: string, locale: string, browserZone: string = browserTimeZone()): string {
  const epochMs = Date.parse(iso);
  if (Number.isNaN(epochMs) || zoneOffsetMinutes(epochMs, zone) === zoneOffsetMinutes(epochMs, browserZone)) return '';
  return formatter(locale, zone, { timeZoneName: 'short' }).formatToParts(new Date(epochMs))
    .find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

function labelled(text: string, label: string): string {
  return label === '' ? text : `${text} ${label}`;
}

/** "19:30", or "19:30 GMT" when the device is in another zone. */
export function formatZonedTime(iso: string, zone: string, locale: string, browserZone?: string): string {
  return labelled(formatTime(iso, zone, locale), zoneLabel(iso, zone, locale, browserZone));
}

/** "Sat, 5 Dec, 19:30", or "Sat, 5 Dec, 19:30 GMT" when the device is in another zone. */
export function formatZonedDateTime(iso: string, zone: string, locale: string, browserZone?: string): string {
  return labelled(formatDateTime(iso, zone, locale), zoneLabel(iso, zone, locale, browserZone));
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
