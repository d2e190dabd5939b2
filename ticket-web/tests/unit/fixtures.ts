import type { Seat, SeatMap } from '../../src/api/client';

/** A small hall: rows A and B, six columns with an aisle at column 3 and a gap at A6. */
export function hall(overrides: Partial<Record<string, string>> = {}): SeatMap {
  const seat = (row: number, label: string, col: number, tier: string, price: number, type = 'STANDARD'): Seat => ({
    seatId: `${row}${col}0000000000000000`.slice(0, 18), row, col, label: `${label}${col}`, type, tier, price,
    status: overrides[`${label}${col}`] ?? 'AVAILABLE',
  });
  return {
    showtimeId: '122537243595243520', programId: '1', programTitle: 'Hamlet', cinemaId: '2', cinemaName: 'Bund Cinema City',
    hallId: '3', hallName: 'Hall 3', startsAt: '2026-12-05T05:30:00Z', status: 'ON_SALE', currency: 'CNY', rowCount: 2, colCount: 6,
    rows: [
      { row: 1, label: 'A', seats: [seat(1, 'A', 1, 'C', 48, 'WHEELCHAIR'), seat(1, 'A', 2, 'C', 48), seat(1, 'A', 4, 'C', 48), seat(1, 'A', 5, 'C', 48)] },
      { row: 2, label: 'B', seats: [seat(2, 'B', 1, 'A', 88), seat(2, 'B', 2, 'A', 88), seat(2, 'B', 4, 'A', 88), seat(2, 'B', 5, 'A', 88), seat(2, 'B', 6, 'B', 68.5, 'COUPLE')] },
    ],
  };
}

export function idOf(map: SeatMap, label: string): string {
  for (const row of map.rows ?? []) for (const seat of row.seats ?? []) if (seat.label === label) return seat.seatId!;
  throw new Error(label);
}
