// The seat map as the picker draws and reasons about it: a grid of rows × columns where an absent position is an
// aisle or a gap, the tiers and their prices, and the rules of picking.
import type { Seat, SeatAvailability, SeatMap } from '../api/client';
import { toMinor } from './money';

/**
 * Most seats one customer may hold for one showtime until the order service's rules (`GET /api/orders/rules`) have
 * been read: its default `ticket.order.seat-limit`. A SEAT_LIMIT_EXCEEDED answer carries the real one too.
 */
export const SEAT_LIMIT = 6;

export type SeatState = 'available' | 'selected' | 'taken' | 'unavailable';

export interface GridRow {
  row: number;
  label: string;
  /** One cell per column, 1..colCount; null is an aisle or a gap. */
  cells: (Seat | null)[];
}

export function seatGrid(map: SeatMap): GridRow[] {
  const colCount = Math.max(map.colCount ?? 0, ...(map.rows ?? []).flatMap((r) => (r.seats ?? []).map((s) => s.col ?? 0)));
  return (map.rows ?? []).map((row) => {
    const cells: (Seat | null)[] = Array.from({ length: colCount }, () => null);
    for (const seat of row.seats ?? []) {
      if (seat.col !== undefined && seat.col >= 1 && seat.col <= colCount) cells[seat.col - 1] = seat;
    }
    return { row: row.row ?? 0, label: row.label ?? String(row.row ?? ''), cells };
  });
}

/** Whether the columns at these indexes are aisles in every row (drawn as a wider gap). */
export function aisleColumns(grid: readonly GridRow[]): Set<number> {
  const aisles = new Set<number>();
  const width = grid[0]?.cells.length ?? 0;
  for (let col = 0; col < width; col++) {
    if (grid.length > 0 && grid.every((row) => row.cells[col] === null)) aisles.add(col);
  }
  return aisles;
}

/** The server's live status of a seat as the picker shows it. */
export function seatState(seat: Seat, selected: ReadonlySet<string>): SeatState {
  if (seat.status === 'AVAILABLE') return selected.has(seat.seatId ?? '') ? 'selected' : 'available';
  if (seat.status === 'UNAVAILABLE') return 'unavailable';
  return 'taken';
}

/** The seat's number within its row: "12" of "F12", else its column. */
export function seatNumber(seat: Seat, rowLabel: string): string {
  const label = seat.label ?? '';
  if (label.startsWith(rowLabel) && label.length > rowLabel.length) return label.slice(rowLabel.length);
  return String(seat.col ?? label);
}

export interface TierPrice {
  tier: string;
  minor: number;
}

/** The tiers of the hall with their price, cheapest last (A is the best seats). */
export function tierPrices(map: SeatMap): TierPrice[] {
  const currency = map.currency ?? 'CNY';
  const tiers = new Map<string, number>();
  for (const row of map.rows ?? []) {
    for (const seat of row.seats ?? []) {
      if (seat.tier !== undefined && seat.price !== undefined && !tiers.has(seat.tier)) {
        tiers.set(seat.tier, toMinor(seat.price, currency));
      }
    }
  }
  return [...tiers.entries()].map(([tier, minor]) => ({ tier, minor })).sort((a, b) => a.tier.localeCompare(b.tier));
}

/** The seat types present in the hall other than standard, for the legend. */
export function specialTypes(map: SeatMap): string[] {
  const types = new Set<string>();
  for (const row of map.rows ?? []) for (const seat of row.seats ?? []) if (seat.type && seat.type !== 'STANDARD') types.add(seat.type);
  return [...types].sort();
}

/** Every seat by id. */
export function seatsById(map: SeatMap): Map<string, { seat: Seat; rowLabel: string }> {
  const byId = new Map<string, { seat: Seat; rowLabel: string }>();
  for (const row of map.rows ?? []) {
    for (const seat of row.seats ?? []) if (seat.seatId) byId.set(seat.seatId, { seat, rowLabel: row.label ?? '' });
  }
  return byId;
}

const STATUS_OF_CODE: Record<string, Seat['status']> = { A: 'AVAILABLE', L: 'LOCKED', S: 'SOLD', U: 'UNAVAILABLE' };

/**
 * Whether an availability read cannot be laid onto this map: another showtime, another sale status (a showtime put on
 * sale, closed or cancelled may come with a changed hall, prices or rules) or another grid. Then the whole map is read.
 */
export function needsWholeMap(map: SeatMap, availability: SeatAvailability): boolean {
  return availability.showtimeId !== map.showtimeId || availability.status !== map.status
    || availability.rowCount !== map.rowCount || availability.colCount !== map.colCount;
}

/**
 * The map with the live statuses of a later availability read (one character per row and column: A available,
 * L locked, S sold, U unavailable, `.` no seat). A seat the grid does not place reads unavailable: never offered on a
 * guess. The map itself is not changed.
 */
export function withAvailability(map: SeatMap, availability: SeatAvailability): SeatMap {
  const grid = availability.grid ?? [];
  return {
    ...map,
    status: availability.status ?? map.status,
    rows: (map.rows ?? []).map((row) => ({
      ...row,
      seats: (row.seats ?? []).map((seat) => {
        const code = grid[(seat.row ?? 0) - 1]?.charAt((seat.col ?? 0) - 1) ?? '';
        return { ...seat, status: STATUS_OF_CODE[code] ?? 'UNAVAILABLE' };
      }),
    })),
  };
}

/** Of the picked seats, those the latest map shows as no longer available. */
export function lostSeats(map: SeatMap, picked: readonly string[]): string[] {
  const byId = seatsById(map);
  return picked.filter((id) => byId.get(id)?.seat.status !== 'AVAILABLE');
}

export type Direction = 'left' | 'right' | 'up' | 'down' | 'home' | 'end';

/**
 * The seat focus moves to from (row index, column index): along the row skipping aisles, or to the nearest seat in
 * the next row that has one. Null at an edge.
 */
export function neighbour(grid: readonly GridRow[], rowIndex: number, col: number, direction: Direction):
    { rowIndex: number; col: number } | null {
  const row = grid[rowIndex];
  if (row === undefined) return null;
  const seatCols = (r: GridRow) => r.cells.flatMap((cell, index) => (cell === null ? [] : [index]));
  switch (direction) {
    case 'left': {
      const before = seatCols(row).filter((c) => c < col);
      return before.length === 0 ? null : { rowIndex, col: before[before.length - 1]! };
    }
    case 'right': {
      const after = seatCols(row).find((c) => c > col);
      return after === undefined ? null : { rowIndex, col: after };
    }
    case 'home': {
      const first = seatCols(row)[0];
      return first === undefined ? null : { rowIndex, col: first };
    }
    case 'end': {
      const cols = seatCols(row);
      return cols.length === 0 ? null : { rowIndex, col: cols[cols.length - 1]! };
    }
    case 'up':
    case 'down': {
      const step = direction === 'up' ? -1 : 1;
      for (let r = rowIndex + step; r >= 0 && r < grid.length; r += step) {
        const cols = seatCols(grid[r]!);
        if (cols.length === 0) continue;
        const nearest = cols.reduce((best, c) => (Math.abs(c - col) < Math.abs(best - col) ? c : best), cols[0]!);
        return { rowIndex: r, col: nearest };
      }
      return null;
    }
  }
}
