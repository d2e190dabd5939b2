// A pick survives a detour through the login page (same tab): kept per showtime for this browser tab only.
const key = (showtimeId: string) => `ticket.pick.${showtimeId}`;

export function savePick(showtimeId: string, seatIds: readonly string[]): void {
  try {
    if (seatIds.length === 0) sessionStorage.removeItem(key(showtimeId));
    else sessionStorage.setItem(key(showtimeId), JSON.stringify(seatIds));
  } catch {
    // storage unavailable: the pick lives as long as the page
  }
}

export function restorePick(showtimeId: string): string[] {
  try {
    const raw = sessionStorage.getItem(key(showtimeId));
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
