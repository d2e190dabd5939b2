import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import SeatMapEditor from '../../src/components/admin/SeatMapEditor.vue';
import {
  companionsWithoutWheelchair, emptyLayout, hallRequest, layoutOfHall, layoutOfRequest, paint, paintRow, previewSeatMap, resized, rowLabel, summary,
  toggleAisle, unpairedCoupleSeats,
} from '../../src/lib/hallDraft';
import { setLocale } from '../../src/lib/i18n';

const vip = { kind: 'seat', type: 'VIP', tier: 'A' } as const;

describe('a hall layout', () => {
  it('labels rows as tickets do', () => {
    expect([1, 26, 27, 52, 53].map(rowLabel)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });

  it('becomes the API request: aisles, gaps, a row setting for a row mostly alike, overrides for the rest', () => {
    const layout = emptyLayout(3, 5);
    toggleAisle(layout, 3);
    paint(layout, 1, 1, { kind: 'gap' });
    paintRow(layout, 3, vip);
    paint(layout, 3, 5, { kind: 'seat', type: 'WHEELCHAIR', tier: 'C' });
    paint(layout, 2, 3, vip); // an aisle stays an aisle
    expect(hallRequest(' Hall 1 ', layout)).toEqual({
      name: 'Hall 1', rows: 3, cols: 5, aisleColumns: [3], gaps: [{ row: 1, col: 1 }],
      rowSettings: [{ row: 3, type: 'VIP', tier: 'A' }],
      seatOverrides: [{ row: 3, col: 5, type: 'WHEELCHAIR', tier: 'C' }],
    });
    expect(summary(layout)).toEqual({ seats: 11, byTier: { A: 3, B: 7, C: 1 }, byType: { STANDARD: 7, VIP: 3, WHEELCHAIR: 1, COMPANION: 0, COUPLE: 0 } });
  });

  it('reads back from the request (a template) and from a saved hall to the same layout', () => {
    const layout = emptyLayout(3, 5);
    toggleAisle(layout, 3);
    paint(layout, 1, 1, { kind: 'gap' });
    paint(layout, 2, 2, { kind: 'seat', type: 'COUPLE', tier: 'C' });
    const request = hallRequest('x', layout);
    expect(hallRequest('x', layoutOfRequest(request))).toEqual(request);
    const preview = previewSeatMap('x', layout);
    const seats = preview.rows!.flatMap((r) => r.seats!).map((s) => ({ row: s.row, col: s.col, type: s.type, tier: s.tier }));
    expect(hallRequest('x', layoutOfHall({ rows: 3, cols: 5, seats }))).toEqual(request);
  });

  it('keeps what was drawn when resized', () => {
    const layout = emptyLayout(2, 2);
    paint(layout, 1, 1, { kind: 'gap' });
    toggleAisle(layout, 2);
    const bigger = resized(layout, 3, 4);
    expect(bigger.cells[0]![0]).toBeNull();
    expect(bigger.cells[2]![3]).toEqual({ type: 'STANDARD', tier: 'B' });
    expect(resized(bigger, 1, 1).aisles).toEqual([]);
    expect(resized(layout, 500, 0)).toMatchObject({ rows: 60, cols: 1 });
  });

  it('sends companion seats as overrides and reads them back', () => {
    const layout = emptyLayout(2, 4);
    paint(layout, 1, 1, { kind: 'seat', type: 'WHEELCHAIR', tier: 'C' });
    paint(layout, 1, 2, { kind: 'seat', type: 'COMPANION', tier: 'C' });
    const request = hallRequest('Hall 2', layout);
    expect(request.seatOverrides).toEqual([
      { row: 1, col: 1, type: 'WHEELCHAIR', tier: 'C' }, { row: 1, col: 2, type: 'COMPANION', tier: 'C' },
    ]);
    expect(layoutOfRequest(request)).toEqual(layout);
    expect(summary(layout).byType).toEqual({ STANDARD: 6, VIP: 0, WHEELCHAIR: 1, COMPANION: 1, COUPLE: 0 });
  });

  it('finds companion seats that are not right beside a wheelchair space in their row', () => {
    const layout = emptyLayout(2, 6);
    const companion = { kind: 'seat', type: 'COMPANION', tier: 'B' } as const;
    paint(layout, 1, 3, { kind: 'seat', type: 'WHEELCHAIR', tier: 'C' });
    paint(layout, 1, 2, companion); // beside it, on the left
    paint(layout, 1, 4, companion); // beside it, on the right
    toggleAisle(layout, 5);
    paint(layout, 1, 6, companion); // across the aisle at 5: no seat beside it
    paint(layout, 2, 1, { kind: 'seat', type: 'WHEELCHAIR', tier: 'C' });
    paint(layout, 2, 3, companion); // below A3, two columns from B1
    expect(companionsWithoutWheelchair(layout)).toEqual(['A6', 'B3']);
  });

  it('finds couple seats without a partner', () => {
    const layout = emptyLayout(2, 6);
    for (const col of [1, 2, 4]) paint(layout, 1, col, { kind: 'seat', type: 'COUPLE', tier: 'B' });
    expect(unpairedCoupleSeats(layout)).toEqual(['A4']);
  });
});

describe('the seat map editor', () => {
  beforeEach(() => setLocale('en'));

  it('names every position and control, and paints with the keyboard', async () => {
    const layout = emptyLayout(2, 3);
    paint(layout, 1, 2, { kind: 'gap' });
    toggleAisle(layout, 3);
    const wrapper = mount(SeatMapEditor, { props: { layout, brushName: 'tier A VIP seat' } });
    const cells = wrapper.findAll('button[data-cell]');
    expect(cells.map((c) => c.attributes('aria-label'))).toEqual(['A1: tier B, standard', 'A2: gap', 'B1: tier B, standard', 'B2: tier B, standard']);
    expect(cells.filter((c) => c.attributes('tabindex') === '0')).toHaveLength(1);
    expect(wrapper.get('button[aria-pressed="true"]').attributes('aria-label')).toBe('Column 3 is an aisle');
    await cells[0]!.trigger('keydown', { key: 'ArrowRight' });
    await cells[1]!.trigger('click');
    expect(wrapper.emitted('paint')).toEqual([[1, 2]]);
    await wrapper.get('button[aria-label="Paint row B with tier A VIP seat"]').trigger('click');
    expect(wrapper.emitted('paintRow')).toEqual([[2]]);
  });
});
