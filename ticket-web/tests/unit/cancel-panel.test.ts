import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CancelShowtimePanel from '../../src/components/admin/CancelShowtimePanel.vue';
import { setLocale } from '../../src/lib/i18n';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

const showtime = { showtimeId: '41', startsAt: '2026-12-24T11:00:00Z', currency: 'CNY' };

describe('the cancel panel', () => {
  let impactAnswer: () => Response;
  let calls: string[];

  beforeEach(() => {
    setLocale('en');
    calls = [];
    vi.stubGlobal('fetch', async (input: Request) => {
      const url = new URL(input.url);
      calls.push(url.pathname + url.search);
      if (url.pathname === '/api/admin/orders/showtimes/41/impact') return impactAnswer();
      if (url.pathname === '/api/admin/reports/occupancy') {
        return json(200, { showtimeId: '41', programId: '9', capacity: 10, sold: 3, held: 1, available: 6, occupancy: 0.3, revenue: 180, currency: 'CNY' });
      }
      return json(404, { status: 404, code: 'NOT_FOUND', detail: 'no such path' });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('says how many paid orders of how many buyers are refunded and how many unpaid ones cancelled', async () => {
    impactAnswer = () => json(200, {
      showtimeId: '41', orders: 3, buyers: 2, refundOrders: 2, refundBuyers: 1, refundAmount: 180, cancelOrders: 1,
      cancelBuyers: 1, currency: 'CNY',
      byStatus: [{ status: 'PAID', orders: 2, buyers: 1, amount: 180 }, { status: 'PENDING_PAYMENT', orders: 1, buyers: 1, amount: 80 }],
    });
    const wrapper = mount(CancelShowtimePanel, { props: { showtime } });
    await flushPromises();
    expect(wrapper.get('[data-testid="cancel-impact"]').text())
      .toContain('2 paid orders of 1 buyer (¥180.00) are refunded in full, 1 unpaid order is cancelled.');
    expect(calls.some((c) => c.startsWith('/api/admin/reports/occupancy'))).toBe(false);
    expect(wrapper.get('button.btn-danger').attributes('disabled')).toBeUndefined();
  });

  it('falls back to the seats of the occupancy report when the impact cannot be had', async () => {
    impactAnswer = () => json(503, { status: 503, code: 'SERVICE_UNAVAILABLE', detail: 'try later' });
    const wrapper = mount(CancelShowtimePanel, { props: { showtime } });
    await flushPromises();
    const text = wrapper.get('[data-testid="cancel-impact"]').text();
    expect(text).toContain('from the seats instead');
    expect(text).toContain('3 seats are sold (¥180.00)');
    expect(wrapper.find('[data-testid="refusal-detail"]').exists()).toBe(false);
  });
});
