import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/lib/csv';
import { currencies, lastDays, monthToDate, salesCsv, salesSeries } from '../../src/lib/reports';

const rows = [
  { key: '1', label: 'Hamlet, the film', currency: 'CNY', orders: 2, tickets: 3, gross: 248.5, refunded: 80.5, net: 168 },
  { key: '2', label: '"Dune"', currency: 'CNY', orders: 1, tickets: 1, gross: 88, refunded: 0, net: 88 },
  { key: '3', label: 'Cats', currency: 'USD', orders: 1, tickets: 2, gross: 30, refunded: 0, net: 30 },
];

describe('reports', () => {
  it('covers whole UTC days', () => {
    const now = Date.parse('2026-12-06T01:00:00Z');
    expect(lastDays(7, now)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(lastDays(1, now)).toEqual({ from: '2026-12-06', to: '2026-12-06' });
    expect(monthToDate(now)).toEqual({ from: '2026-12-01', to: '2026-12-06' });
  });

  it('charts one currency at a time, the most used first', () => {
    expect(currencies(rows)).toEqual(['CNY', 'USD']);
    expect(salesSeries(rows, 'CNY')).toEqual({ labels: ['Hamlet, the film', '"Dune"'], net: [168, 88], refunded: [80.5, 0] });
  });

  it('exports CSV with exact amounts and quoting, readable by spreadsheets', () => {
    const csv = salesCsv({ from: '2026-12-01', to: '2026-12-06', groupBy: 'FILM', rows });
    expect(csv.startsWith('\uFEFFgroup,key,label,currency,orders,tickets,gross,refunded,net,from,to\r\n')).toBe(true);
    expect(csv).toContain('\r\nFILM,1,"Hamlet, the film",CNY,2,3,248.50,80.50,168.00,2026-12-01,2026-12-06\r\n');
    expect(csv).toContain('\r\nFILM,2,"""Dune""",CNY,1,1,88.00,0.00,88.00,');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(toCsv(['x'], [])).toBe('\uFEFFx\r\n');
  });
});
