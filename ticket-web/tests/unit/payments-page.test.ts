import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProblemError, type ParkedEvent, type PendingRefund, type ReconcileRun } from '../../src/api/client';
import ParkedEventsSection from '../../src/components/admin/ParkedEventsSection.vue';
import PendingRefundsSection from '../../src/components/admin/PendingRefundsSection.vue';
import ReconcileHistory from '../../src/components/admin/ReconcileHistory.vue';
import PaymentsPage from '../../src/pages/admin/PaymentsPage.vue';
import { setLocale } from '../../src/lib/i18n';
import { api } from '../../src/lib/session';

const parked = (id: string, key: string): ParkedEvent => ({
  outboxId: id, eventUuid: `u${id}`, store: 'ticket_pay', topic: 'ticket.payment.events', eventKey: key, eventType: 'PaymentSucceeded',
  attempts: 12, lastError: 'TimeoutException: Topic not present in metadata', createdAt: '2026-12-05T02:00:00Z', parkedAt: '2026-12-05T02:30:00Z',
});
const refund = (id: string, orderNo: string): PendingRefund => ({
  refundId: id, orderNo, paymentId: `p${id}`, kind: 'CUSTOMER', amount: 136, currency: 'CNY', reason: 'customer asked',
  status: 'REQUESTED', createdAt: '2026-12-05T02:00:00Z', updatedAt: '2026-12-05T02:00:00Z',
});
const run = (id: string, outcome: 'OK' | 'FAILED', issues = 0): ReconcileRun => ({
  id, trigger: outcome === 'OK' ? 'SCHEDULED' : 'MANUAL', startedAt: '2026-12-05T02:00:00Z', finishedAt: '2026-12-05T02:00:01Z',
  since: '2026-12-03T02:00:00Z', outcome, issueCount: issues,
  counts: outcome === 'OK' ? { providerPayments: 40, alreadyConsistent: 37, repaired: 2, lateRefunded: 1, refundsRetried: 0, paidFlowsChecked: 5, paymentsReannounced: 0, cancelledOrdersRefunded: 0 } : undefined,
  error: outcome === 'FAILED' ? 'the payment provider is unavailable' : undefined,
  issues: Array.from({ length: issues }, (_, i) => ({ orderNo: `90${i}`, paymentId: `p${i}`, kind: 'AMOUNT_MISMATCH', detail: 'provider 68.00, ledger 60.00' })),
});

describe('payments and events', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => vi.restoreAllMocks());

  it('sends a parked event again (202) and shows the platform\'s refusal of another (409)', async () => {
    vi.spyOn(api, 'parkedEvents').mockResolvedValueOnce({ total: 3, items: [parked('1', '900'), parked('2', '901')] });
    const retry = vi.spyOn(api, 'retryParkedEvent')
      .mockResolvedValueOnce()
      .mockRejectedValueOnce(new ProblemError(409, 'NOT_PARKED', 'outbox row 2 is not parked: it is PUBLISHED', undefined));
    const wrapper = mount(ParkedEventsSection, { props: { source: 'orders' }, attachTo: document.body });
    await flushPromises();
    expect(api.parkedEvents).toHaveBeenCalledWith('orders');
    expect(wrapper.get('h2').text()).toBe('Order events not published');
    expect(wrapper.text()).toContain('2 of 3 shown');
    const rows = () => wrapper.findAll('tbody tr');
    expect(rows()[0]!.findAll('th, td').slice(0, 4).map((c) => c.text()))
      .toEqual(['PaymentSucceededticket.payment.events', '900', '12', 'TimeoutException: Topic not present in metadata']);
    expect(rows()[0]!.get('button').attributes('aria-label')).toBe('Send again: PaymentSucceeded 900');

    await rows()[0]!.get('button').trigger('click');
    await flushPromises();
    expect(retry).toHaveBeenCalledWith('orders', '1');
    expect(rows()[0]!.get('[data-testid="queued"]').text()).toBe('Back in the queue');
    expect(document.activeElement).toBe(rows()[0]!.get('th').element);

    await rows()[1]!.get('button').trigger('click');
    await flushPromises();
    expect(rows()[1]!.get('[role="alert"]').text()).toBe('outbox row 2 is not parked: it is PUBLISHED (NOT_PARKED)');
    expect(rows()[1]!.find('button').exists()).toBe(true);
    wrapper.unmount();
  });

  it('says when no event is parked', async () => {
    vi.spyOn(api, 'parkedEvents').mockResolvedValueOnce({ total: 0, items: [] });
    const wrapper = mount(ParkedEventsSection, { props: { source: 'payments' } });
    await flushPromises();
    expect(wrapper.get('[data-testid="parked-empty"]').text()).toBe('None: every event was published.');
  });

  it('a refund sent again says whether the provider confirmed it, and a settled one is refused in the platform\'s words', async () => {
    vi.spyOn(api, 'unconfirmedRefunds').mockResolvedValueOnce({ total: 3, items: [refund('1', '900'), refund('2', '901')] });
    vi.spyOn(api, 'retryRefund')
      .mockResolvedValueOnce({ ...refund('1', '900'), status: 'SUCCEEDED' })
      .mockResolvedValueOnce({ ...refund('2', '901'), status: 'REQUESTED' })
      .mockRejectedValueOnce(new ProblemError(409, 'REFUND_NOT_RETRYABLE', 'refund 2 is FAILED', undefined))
      .mockResolvedValueOnce({ ...refund('2', '901'), status: 'FAILED' });
    const wrapper = mount(PendingRefundsSection, { attachTo: document.body });
    await flushPromises();
    const rows = () => wrapper.findAll('tbody tr');
    expect(rows()[0]!.findAll('th, td').slice(0, 3).map((c) => c.text())).toEqual(['900', '¥136.00', 'Refund of an order']);
    expect(wrapper.text()).toContain('And 1 more');

    await rows()[0]!.get('button').trigger('click');
    await flushPromises();
    expect(rows()[0]!.get('.outcome').text()).toBe('Refunded: the provider confirmed it.');
    expect(rows()[0]!.find('button').exists()).toBe(false);
    // the button is gone: the row keeps the keyboard's place
    expect(document.activeElement).toBe(rows()[0]!.get('th').element);

    await rows()[1]!.get('button').trigger('click');
    await flushPromises();
    expect(rows()[1]!.get('.outcome').text()).toContain('Still not confirmed');
    await rows()[1]!.get('button').trigger('click');
    await flushPromises();
    expect(rows()[1]!.get('.outcome').text()).toBe('refund 2 is FAILED (REFUND_NOT_RETRYABLE)');
    await rows()[1]!.get('button').trigger('click');
    await flushPromises();
    expect(rows()[1]!.get('.outcome').text()).toBe('The provider refused it: the payment is flagged for review, and nothing sends it again.');
    expect(rows()[1]!.find('button').exists()).toBe(false);
    wrapper.unmount();
  });

  it('lists recorded runs with their outcome, repairs and issues, and reads them again after a run on demand', async () => {
    const runs = vi.spyOn(api, 'reconcileRuns')
      .mockResolvedValueOnce([run('2', 'FAILED'), run('1', 'OK', 2)])
      .mockResolvedValueOnce([run('3', 'OK'), run('2', 'FAILED'), run('1', 'OK', 2)]);
    vi.spyOn(api, 'reconcilePayments').mockRejectedValueOnce(new ProblemError(503, 'PROVIDER_UNAVAILABLE', 'the payment provider is unavailable', undefined));
    vi.spyOn(api, 'unconfirmedRefunds').mockResolvedValue({ total: 0, items: [] });
    vi.spyOn(api, 'parkedEvents').mockResolvedValue({ total: 0, items: [] });
    const wrapper = mount(PaymentsPage, { global: { stubs: { RouterLink: RouterLinkStub } } });
    await flushPromises();
    const history = wrapper.getComponent(ReconcileHistory);
    const rows = () => history.findAll('tbody tr');
    expect(rows().map((r) => r.findAll('td').map((c) => (c.find('summary').exists() ? c.get('summary').text() : c.text())))).toEqual([
      ['An admin', 'Failed the payment provider is unavailable', '—', '—', '0'],
      ['Schedule', 'Completed', '40', '3', '2 issues'],
    ]);
    expect(rows()[1]!.findAll('details li').map((li) => li.text())).toEqual([
      'AMOUNT_MISMATCH 900 · provider 68.00, ledger 60.00', 'AMOUNT_MISMATCH 901 · provider 68.00, ledger 60.00',
    ]);
    // a failed run is recorded too: the list is read again either way
    await wrapper.get('#reconcile-title ~ button').trigger('click');
    await flushPromises();
    expect(runs).toHaveBeenCalledTimes(2);
    expect(rows()).toHaveLength(3);
    expect(wrapper.findAll('section[data-testid^="parked-"]').map((s) => s.get('h2').text()))
      .toEqual(['Payment events not published', 'Order events not published', 'Program events not published']);
  });
});
