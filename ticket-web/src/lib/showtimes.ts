// Showtimes as a customer scans them: by day (each in its cinema's zone), then city, then cinema, each list by time.
import type { Showtime } from '../api/client';
import { toMinor } from './money';
import { cinemaTimeZone, dayKey } from './time';

export interface CinemaShowtimes {
  cinemaId: string;
  cinemaName: string;
  address: string;
  showtimes: Showtime[];
}
export interface CityShowtimes {
  city: string;
  cinemas: CinemaShowtimes[];
}
export interface DayShowtimes {
  day: string;
  /** An instant on that day, for formatting its label, and the zone it is that day in. */
  sample: string;
  zone: string;
  cities: CityShowtimes[];
}

export function groupShowtimes(showtimes: readonly Showtime[]): DayShowtimes[] {
  const sorted = [...showtimes].filter((s) => s.startsAt).sort((a, b) => a.startsAt!.localeCompare(b.startsAt!));
  const days = new Map<string, DayShowtimes>();
  for (const showtime of sorted) {
    const zone = cinemaTimeZone(showtime.timeZone);
    const day = dayKey(showtime.startsAt!, zone);
    let byDay = days.get(day);
    if (!byDay) days.set(day, (byDay = { day, sample: showtime.startsAt!, zone, cities: [] }));
    const cityName = showtime.city ?? '';
    let city = byDay.cities.find((c) => c.city === cityName);
    if (!city) byDay.cities.push((city = { city: cityName, cinemas: [] }));
    const cinemaId = showtime.cinemaId ?? '';
    let cinema = city.cinemas.find((c) => c.cinemaId === cinemaId);
    if (!cinema) {
      city.cinemas.push((cinema = {
        cinemaId, cinemaName: showtime.cinemaName ?? '', address: showtime.address ?? '', showtimes: [],
      }));
    }
    cinema.showtimes.push(showtime);
  }
  for (const day of days.values()) {
    day.cities.sort((a, b) => a.city.localeCompare(b.city));
    for (const city of day.cities) city.cinemas.sort((a, b) => a.cinemaName.localeCompare(b.cinemaName));
  }
  return [...days.values()];
}

/** The cheapest tier of a showtime in minor units, or undefined without prices. */
export function lowestPrice(showtime: Showtime): number | undefined {
  const currency = showtime.currency ?? 'CNY';
  const prices = Object.values(showtime.prices ?? {}).map((price) => toMinor(price, currency));
  return prices.length === 0 ? undefined : Math.min(...prices);
}
