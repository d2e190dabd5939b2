// The admin console's moderation helpers: the banned-words textarea (one word or short phrase per line) and the
// sentence said before a showtime is cancelled (GET /api/admin/orders/showtimes/{id}/impact).
import type { ShowtimeImpact } from '../api/client';
import { translate, type Locale } from './i18n';
import { formatMoney, toMinor } from './money';

/**
 * The words of the textarea: one per line, trimmed, blank lines left out. What the comment service refuses (a word
 * over 64 characters, over 500 words) is left for it to say; duplicates it drops itself.
 */
export function parseBannedWords(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== '');
}

export function formatBannedWords(words: readonly string[] | undefined): string {
  return (words ?? []).join('\n');
}

/**
 * What a cancel does to buyers, in the console's words: "N paid orders of M buyers (¥…) are refunded, K unpaid
 * orders are cancelled", and the orders already being refunded. Empty when nobody is affected.
 */
export function describeImpact(impact: ShowtimeImpact, locale: Locale, fallbackCurrency = 'CNY'): string[] {
  const paid = impact.refundOrders ?? 0;
  const unpaid = impact.cancelOrders ?? 0;
  const currency = impact.currency ?? fallbackCurrency;
  const amount = formatMoney(toMinor(impact.refundAmount ?? 0, currency), currency, locale);
  const params = { paid, buyers: impact.refundBuyers ?? 0, amount, unpaid };
  const lines: string[] = [];
  if (paid > 0 && unpaid > 0) lines.push(translate(locale, 'cancelImpactRefundAndCancel', params));
  else if (paid > 0) lines.push(translate(locale, 'cancelImpactRefundOnly', params));
  else if (unpaid > 0) lines.push(translate(locale, 'cancelImpactCancelOnly', params));
  const refunding = (impact.byStatus ?? []).find((s) => s.status === 'REFUNDING')?.orders ?? 0;
  if (refunding > 0) lines.push(translate(locale, 'cancelImpactRefunding', { n: refunding }));
  return lines;
}
