// A hall's seat map as the admin draws it: a grid of rows × columns where each position is a seat (a type and a
// price tier) or a gap, and whole columns may be aisles. It turns into the API's HallRequest (gaps, aisle columns,
// row settings, seat overrides: the program service's SeatMapSpec) and back, and into the seat map customers see.
import type { Hall, NewHall, SeatMap } from '../api/client';

export const SEAT_TYPES = ['STANDARD', 'VIP', 'WHEELCHAIR', 'COMPANION', 'COUPLE'] as const;
export const TIERS = ['A', 'B', 'C'] as const;
export type SeatType = (typeof SEAT_TYPES)[number];
export type Tier = (typeof TIERS)[number];
/** The program service's limits (SeatMapBuilder): it refuses anything larger with INVALID_SEAT_MAP. */
export const MAX_ROWS = 60;
export const MAX_COLS = 80;
/** What a seat is when nothing says otherwise (SeatMapBuilder's defaults). */
export const DEFAULT_SEAT: DraftSeat = { type: 'STANDARD', tier: 'B' };

export interface DraftSeat {
  type: SeatType;
  tier: Tier;
}

/** What a click on a position does: make it a seat of this type and tier, or a gap. */
export type Brush = { kind: 'seat'; type: SeatType; tier: Tier } | { kind: 'gap' };

export interface HallLayout {
  rows: number;
  cols: number;
  /** cells[row - 1][col - 1]; null is a gap. A position in an aisle column is never a seat, whatever it holds. */
  cells: (DraftSeat | null)[][];
  /** 1-based columns left empty in every row. */
  aisles: number[];
}

/** Row letters as on a ticket: A..Z, then AA, AB... (SeatMapBuilder.rowLabel). */
export function rowLabel(row: number): string {
  let label = '';
  for (let n = row; n > 0; n = Math.floor(n / 26)) {
    n -= 1;
    label = String.fromCharCode(65 + (n % 26)) + label;
  }
  return label;
}

/** A seat's label, "F12": the number is its column, so it never shifts when a gap is drawn. */
export function seatLabel(row: number, col: number): string {
  return `${rowLabel(row)}${col}`;
}

function clamp(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(1, Math.trunc(value))) : 1;
}

export function emptyLayout(rows = 8, cols = 12): HallLayout {
  const r = clamp(rows, MAX_ROWS);
  const c = clamp(cols, MAX_COLS);
  return { rows: r, cols: c, cells: Array.from({ length: r }, () => Array.from({ length: c }, () => ({ ...DEFAULT_SEAT }))), aisles: [] };
}

/** The layout at a new size: what was drawn stays where it was, new positions are default seats. */
export function resized(layout: HallLayout, rows: number, cols: number): HallLayout {
  const r = clamp(rows, MAX_ROWS);
  const c = clamp(cols, MAX_COLS);
  const cells = Array.from({ length: r }, (_, row) => Array.from({ length: c }, (_, col) => {
    const before = layout.cells[row]?.[col];
    return before === undefined ? { ...DEFAULT_SEAT } : before === null ? null : { ...before };
  }));
  return { rows: r, cols: c, cells, aisles: layout.aisles.filter((a) => a <= c) };
}

export function isAisle(layout: HallLayout, col: number): boolean {
  return layout.aisles.includes(col);
}

/** The seat at a position, or null for a gap or an aisle. */
export function seatAt(layout: HallLayout, row: number, col: number): DraftSeat | null {
  if (isAisle(layout, col)) return null;
  return layout.cells[row - 1]?.[col - 1] ?? null;
}

/** Applies the brush to one position (in place); painting an aisle column does nothing. */
export function paint(layout: HallLayout, row: number, col: number, brush: Brush): void {
  const cells = layout.cells[row - 1];
  if (cells === undefined || col < 1 || col > layout.cols || isAisle(layout, col)) return;
  cells[col - 1] = brush.kind === 'gap' ? null : { type: brush.type, tier: brush.tier };
}

export function paintRow(layout: HallLayout, row: number, brush: Brush): void {
  for (let col = 1; col <= layout.cols; col++) paint(layout, row, col, brush);
}

export function toggleAisle(layout: HallLayout, col: number): void {
  layout.aisles = isAisle(layout, col) ? layout.aisles.filter((a) => a !== col) : [...layout.aisles, col].sort((a, b) => a - b);
}

export interface LayoutSummary {
  seats: number;
  byTier: Record<Tier, number>;
  byType: Record<SeatType, number>;
}

export function summary(layout: HallLayout): LayoutSummary {
  const result: LayoutSummary = { seats: 0, byTier: { A: 0, B: 0, C: 0 }, byType: { STANDARD: 0, VIP: 0, WHEELCHAIR: 0, COMPANION: 0, COUPLE: 0 } };
  for (let row = 1; row <= layout.rows; row++) {
    for (let col = 1; col <= layout.cols; col++) {
      const seat = seatAt(layout, row, col);
      if (seat === null) continue;
      result.seats += 1;
      result.byTier[seat.tier] += 1;
      result.byType[seat.type] += 1;
    }
  }
  return result;
}

/**
 * Couple seats are sold as pairs side by side: the labels of couple seats left without a partner (a run of an odd
 * number of them in a row). Only a warning: the API accepts any couple seat.
 */
export function unpairedCoupleSeats(layout: HallLayout): string[] {
  const alone: string[] = [];
  for (let row = 1; row <= layout.rows; row++) {
    let run: number[] = [];
    for (let col = 1; col <= layout.cols + 1; col++) {
      if (col <= layout.cols && seatAt(layout, row, col)?.type === 'COUPLE') {
        run.push(col);
        continue;
      }
      if (run.length % 2 === 1) alone.push(seatLabel(row, run[run.length - 1]!));
      run = [];
    }
  }
  return alone;
}

/**
 * A companion seat is for the person accompanying a wheelchair user: the API refuses (INVALID_SEAT_MAP) one that is
 * not right beside a wheelchair space in its row. The labels of those the layout has, to warn before saving.
 */
export function companionsWithoutWheelchair(layout: HallLayout): string[] {
  const alone: string[] = [];
  for (let row = 1; row <= layout.rows; row++) {
    for (let col = 1; col <= layout.cols; col++) {
      if (seatAt(layout, row, col)?.type !== 'COMPANION') continue;
      const beside = [col - 1, col + 1].some((c) => c >= 1 && c <= layout.cols && seatAt(layout, row, c)?.type === 'WHEELCHAIR');
      if (!beside) alone.push(seatLabel(row, col));
    }
  }
  return alone;
}

const key = (seat: DraftSeat) => `${seat.type}/${seat.tier}`;

/**
 * The API's request for the layout: aisle columns, gaps, a row setting where a row's most common seat is not the
 * default, and an override for every seat that differs from its row.
 */
export function hallRequest(name: string, layout: HallLayout): NewHall {
  const gaps: { row: number; col: number }[] = [];
  const rowSettings: NonNullable<NewHall['rowSettings']> = [];
  const seatOverrides: NonNullable<NewHall['seatOverrides']> = [];
  for (let row = 1; row <= layout.rows; row++) {
    const counts = new Map<string, { seat: DraftSeat; n: number }>();
    for (let col = 1; col <= layout.cols; col++) {
      if (isAisle(layout, col)) continue;
      const seat = seatAt(layout, row, col);
      if (seat === null) {
        gaps.push({ row, col });
        continue;
      }
      const entry = counts.get(key(seat)) ?? { seat, n: 0 };
      entry.n += 1;
      counts.set(key(seat), entry);
    }
    // the row's usual seat; a tie keeps the default if it is among the most common
    let usual = DEFAULT_SEAT;
    let most = counts.get(key(DEFAULT_SEAT))?.n ?? 0;
    for (const { seat, n } of counts.values()) {
      if (n > most) {
        usual = seat;
        most = n;
      }
    }
    if (key(usual) !== key(DEFAULT_SEAT)) rowSettings.push({ row, type: usual.type, tier: usual.tier });
    for (let col = 1; col <= layout.cols; col++) {
      const seat = seatAt(layout, row, col);
      if (seat !== null && key(seat) !== key(usual)) seatOverrides.push({ row, col, type: seat.type, tier: seat.tier });
    }
  }
  return { name: name.trim(), rows: layout.rows, cols: layout.cols, gaps, aisleColumns: [...layout.aisles], rowSettings, seatOverrides };
}

function isSeatType(value: string | undefined): value is SeatType {
  return (SEAT_TYPES as readonly string[]).includes(value ?? '');
}

function isTier(value: string | undefined): value is Tier {
  return (TIERS as readonly string[]).includes(value ?? '');
}

/** A saved hall's layout: its seats where they are, every other position a gap, a column with no seat an aisle. */
export function layoutOfHall(hall: Hall): HallLayout {
  const rows = clamp(hall.rows ?? 1, MAX_ROWS);
  const cols = clamp(hall.cols ?? 1, MAX_COLS);
  const cells: (DraftSeat | null)[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
  for (const seat of hall.seats ?? []) {
    const line = cells[(seat.row ?? 0) - 1];
    if (line === undefined || seat.col === undefined || seat.col < 1 || seat.col > cols) continue;
    line[seat.col - 1] = { type: isSeatType(seat.type) ? seat.type : 'STANDARD', tier: isTier(seat.tier) ? seat.tier : 'B' };
  }
  const aisles: number[] = [];
  if (rows > 1) {
    for (let col = 1; col <= cols; col++) if (cells.every((line) => line[col - 1] === null)) aisles.push(col);
  }
  return { rows, cols, cells, aisles };
}

/** A layout from the API's request shape (a template), read as the program service reads it (SeatMapBuilder). */
export function layoutOfRequest(request: NewHall): HallLayout {
  const layout = emptyLayout(request.rows ?? 1, request.cols ?? 1);
  const settings = new Map((request.rowSettings ?? []).map((s) => [s.row ?? 0, s]));
  for (let row = 1; row <= layout.rows; row++) {
    const setting = settings.get(row);
    if (setting !== undefined) paintRow(layout, row, { kind: 'seat', type: setting.type ?? 'STANDARD', tier: setting.tier ?? 'B' });
  }
  for (const o of request.seatOverrides ?? []) {
    const base = layout.cells[(o.row ?? 0) - 1]?.[(o.col ?? 0) - 1];
    if (base) paint(layout, o.row ?? 0, o.col ?? 0, { kind: 'seat', type: o.type ?? base.type, tier: o.tier ?? base.tier });
  }
  for (const gap of request.gaps ?? []) paint(layout, gap.row ?? 0, gap.col ?? 0, { kind: 'gap' });
  layout.aisles = [...new Set((request.aisleColumns ?? []).filter((c) => c >= 1 && c <= layout.cols))].sort((a, b) => a - b);
  return layout;
}

/** The seat map customers will see for a showtime in this hall, every seat available, no prices yet. */
export function previewSeatMap(name: string, layout: HallLayout): SeatMap {
  const rows: NonNullable<SeatMap['rows']> = [];
  for (let row = 1; row <= layout.rows; row++) {
    const seats: NonNullable<NonNullable<SeatMap['rows']>[number]['seats']> = [];
    for (let col = 1; col <= layout.cols; col++) {
      const seat = seatAt(layout, row, col);
      if (seat !== null) seats.push({ seatId: `preview-${row}-${col}`, row, col, label: seatLabel(row, col), type: seat.type, tier: seat.tier, status: 'AVAILABLE' });
    }
    rows.push({ row, label: rowLabel(row), seats });
  }
  return { hallName: name, rowCount: layout.rows, colCount: layout.cols, rows };
}
