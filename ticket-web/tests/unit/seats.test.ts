import { describe, expect, it } from 'vitest';
import {
  aisleColumns, lostSeats, needsWholeMap, neighbour, seatGrid, seatNumber, specialTypes, tierPrices, withAvailability,
} from '../../src/lib/seats';
import { hall, idOf } from './fixtures';

describe('the seat map as a grid', () => {
  it('places seats by column, aisles and gaps as empty cells', () => {
    const grid = seatGrid(hall());
    expect(grid.map((r) => r.cells.map((c) => (c ? c.label : '.')).join(' '))).toEqual(['A1 A2 . A4 A5 .', 'B1 B2 . B4 B5 B6']);
    expect([...aisleColumns(grid)]).toEqual([2]);
  });

  it('knows tiers, prices in minor units and special seats', () => {
    expect(tierPrices(hall())).toEqual([{ tier: 'A', minor: 8800 }, { tier: 'B', minor: 6850 }, { tier: 'C', minor: 4800 }]);
    expect(specialTypes(hall())).toEqual(['COUPLE', 'WHEELCHAIR']);
    const withCompanion = hall();
    withCompanion.rows![0]!.seats![1]!.type = 'COMPANION';
    expect(specialTypes(withCompanion)).toEqual(['COMPANION', 'COUPLE', 'WHEELCHAIR']);
    expect(seatNumber({ label: 'F12', col: 12 }, 'F')).toBe('12');
    expect(seatNumber({ label: 'VIP-3', col: 3 }, 'F')).toBe('3');
  });

  it('moves focus along rows over aisles, and to the nearest seat of the next row', () => {
    const grid = seatGrid(hall());
    expect(neighbour(grid, 0, 1, 'right')).toEqual({ rowIndex: 0, col: 3 });
    expect(neighbour(grid, 0, 4, 'right')).toBeNull();
    expect(neighbour(grid, 0, 0, 'left')).toBeNull();
    expect(neighbour(grid, 0, 4, 'down')).toEqual({ rowIndex: 1, col: 4 });
    expect(neighbour(grid, 1, 5, 'up')).toEqual({ rowIndex: 0, col: 4 });
    expect(neighbour(grid, 1, 3, 'home')).toEqual({ rowIndex: 1, col: 0 });
    expect(neighbour(grid, 1, 0, 'end')).toEqual({ rowIndex: 1, col: 5 });
  });

  it('finds the picked seats the latest map shows as gone', () => {
    const before = hall();
    const picked = [idOf(before, 'B1'), idOf(before, 'B2')];
    expect(lostSeats(hall({ B2: 'LOCKED' }), picked)).toEqual([idOf(before, 'B2')]);
    expect(lostSeats(hall(), picked)).toEqual([]);
  });

  it('takes the live statuses of an availability read onto the map it has', () => {
    const before = hall();
    const after = withAvailability(before, {
      showtimeId: '1', status: 'ON_SALE', rowCount: 2, colCount: 6, grid: ['AL.SA.', 'AAU'],
    });
    const status = (label: string) => after.rows!.flatMap((r) => r.seats!).find((s) => s.label === label)!.status;
    expect([status('A1'), status('A2'), status('A4'), status('A5')]).toEqual(['AVAILABLE', 'LOCKED', 'SOLD', 'AVAILABLE']);
    // a seat the grid does not place (B4..B6 past a short row) is never offered on a guess
    expect([status('B1'), status('B2'), status('B4'), status('B6')]).toEqual(['AVAILABLE', 'AVAILABLE', 'UNAVAILABLE', 'UNAVAILABLE']);
    expect(lostSeats(after, [idOf(before, 'A1'), idOf(before, 'A2')])).toEqual([idOf(before, 'A2')]);
    // the map read first is left as it was
    expect(before.rows![0]!.seats!.every((s) => s.status === 'AVAILABLE')).toBe(true);
    expect(withAvailability(before, { status: 'CANCELLED', grid: [] }).status).toBe('CANCELLED');
  });

  it('reads the whole map again when an availability read does not fit the map it has', () => {
    const map = hall();
    const fits = { showtimeId: map.showtimeId, status: 'ON_SALE', rowCount: 2, colCount: 6, grid: [] };
    expect(needsWholeMap(map, fits)).toBe(false);
    expect(needsWholeMap(map, { ...fits, showtimeId: 'another' })).toBe(true);
    expect(needsWholeMap(map, { ...fits, status: 'CANCELLED' })).toBe(true);
    expect(needsWholeMap(map, { ...fits, colCount: 7 })).toBe(true);
  });
});
