// The admin reports as the console shows them: periods of whole UTC days (the order service's ReportPeriod), sales
// rows as chart series and CSV, amounts kept exact (minor units) until they are drawn.
import type { ReportPeriod, SalesReport, SalesRow } from '../api/client';
import { toCsv } from './csv';
import { minorToDecimal, toMinor } from './money';

/** "2026-12-06": the UTC day of an instant. */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** The last `days` whole UTC days up to and including today's. */
export function lastDays(days: number, now = Date.now()): ReportPeriod {
  return { from: utcDay(now - (days - 1) * 86_400_000), to: utcDay(now) };
}

/** The calendar month so far. */
export function monthToDate(now = Date.now()): ReportPeriod {
  const today = utcDay(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** The currencies of the rows, the most used first: a chart draws one currency at a time. */
export function currencies(rows: readonly SalesRow[]): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.currency ?? 'CNY', (counts.get(row.currency ?? 'CNY') ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([currency]) => currency);
}

export interface SalesSeries {
  labels: string[];
  /** In major units for drawing only: net and refunded stack up to gross. */
  net: number[];
  refunded: number[];
}

/** The rows of one currency as the sales chart's bars, in the report's order. */
export function salesSeries(rows: readonly SalesRow[], currency: string): SalesSeries {
  const mine = rows.filter((row) => (row.currency ?? 'CNY') === currency);
  const major = (amount: number | undefined) => Number(minorToDecimal(toMinor(amount ?? 0, currency), currency));
  return {
    labels: mine.map((row) => row.label ?? row.key ?? ''),
    net: mine.map((row) => major(row.net)),
    refunded: mine.map((row) => major(row.refunded)),
  };
}

/** The report as CSV: one line per row, amounts as exact decimals. */
export function salesCsv(report: SalesReport): string {
  const amount = (value: number | undefined, currency: string) => minorToDecimal(toMinor(value ?? 0, currency), currency);
  return toCsv(
    ['group', 'key', 'label', 'currency', 'orders', 'tickets', 'gross', 'refunded', 'net', 'from', 'to'],
    (report.rows ?? []).map((row) => {
      const currency = row.currency ?? 'CNY';
      return [report.groupBy ?? '', row.key ?? '', row.label ?? '', currency, row.orders ?? 0, row.tickets ?? 0,
        amount(row.gross, currency), amount(row.refunded, currency), amount(row.net, currency), report.from ?? '', report.to ?? ''];
    }),
  );
}

/** A share (0..1 as the API sends it) as a whole percentage with one decimal: "62.5". */
export function percent(share: number | undefined): string {
  return ((share ?? 0) * 100).toFixed(1);
}
