import { describe, expect, it } from 'vitest';
import type { ShowtimeImpact } from '../../src/api/client';
import { describeImpact, formatBannedWords, parseBannedWords } from '../../src/lib/moderation';

describe('the banned-words textarea', () => {
  it('takes one word or phrase per line, trimmed, without blank lines', () => {
    expect(parseBannedWords('  scam \r\n\nrip  off\r\t\n idiot')).toEqual(['scam', 'rip  off', 'idiot']);
    expect(parseBannedWords(' \n \n')).toEqual([]);
    expect(parseBannedWords('')).toEqual([]);
  });

  it('leaves repeats and over-long words for the comment service to judge', () => {
    const long = 'x'.repeat(65);
    expect(parseBannedWords(`Scam\nscam\n${long}`)).toEqual(['Scam', 'scam', long]);
  });

  it('writes the stored list back one per line, round trip unchanged', () => {
    const words = ['scam', 'rip off', '傻瓜'];
    expect(formatBannedWords(words)).toBe('scam\nrip off\n傻瓜');
    expect(parseBannedWords(formatBannedWords(words))).toEqual(words);
    expect(formatBannedWords(undefined)).toBe('');
  });
});

describe('what a cancel does to buyers', () => {
  const impact = (over: Partial<ShowtimeImpact>): ShowtimeImpact => ({
    showtimeId: '1', orders: 0, buyers: 0, byStatus: [], refundOrders: 0, refundBuyers: 0, refundAmount: 0,
    cancelOrders: 0, cancelBuyers: 0, currency: 'CNY', ...over,
  });

  it('says the paid orders, their buyers and amount, and the unpaid orders in one sentence', () => {
    const both = impact({ refundOrders: 2, refundBuyers: 1, refundAmount: 180, cancelOrders: 1, cancelBuyers: 1 });
    expect(describeImpact(both, 'en')).toEqual(
      ['2 paid orders of 1 buyer (¥180.00) are refunded in full, 1 unpaid order is cancelled.']);
    expect(describeImpact(both, 'zh-CN')).toEqual(['1 位顾客的 2 个已付款订单（¥180.00）将全额退款，1 个未付款订单将被取消。']);
  });

  it('counts singular and plural and each side alone', () => {
    expect(describeImpact(impact({ refundOrders: 1, refundBuyers: 1, refundAmount: 45.5 }), 'en')).toEqual(
      ['1 paid order of 1 buyer (¥45.50) is refunded in full; no order is waiting for payment.']);
    expect(describeImpact(impact({ cancelOrders: 3, cancelBuyers: 2 }), 'en')).toEqual(
      ['Nobody has paid yet: 3 unpaid orders are cancelled.']);
  });

  it('mentions orders already being refunded, and nothing when nobody is affected', () => {
    const refunding = impact({ byStatus: [{ status: 'REFUNDING', orders: 2, buyers: 2, amount: 100 }] });
    expect(describeImpact(refunding, 'en')).toEqual(['2 orders are already being refunded.']);
    expect(describeImpact(impact({ byStatus: [{ status: 'REFUNDED', orders: 4, buyers: 3, amount: 200 }] }), 'en'))
      .toEqual([]);
  });

  it('uses the showtime\'s currency when the impact has none', () => {
    const noCurrency = impact({ refundOrders: 1, refundBuyers: 1, refundAmount: 12.5, currency: undefined });
    expect(describeImpact(noCurrency, 'en', 'USD')[0]).toContain('($12.50)');
  });
});
