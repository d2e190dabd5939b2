import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProblemError, type Delivery } from '../../src/api/client';
import DeadLettersPage from '../../src/pages/admin/DeadLettersPage.vue';
import { setLocale } from '../../src/lib/i18n';
import { api } from '../../src/lib/session';

const letter = (id: string, address: string): Delivery => ({
  id, kind: 'ORDER_CONFIRMED', userId: '5', orderNo: '900', dedupKey: `k${id}`, status: 'DEAD', address, attempts: 6,
  lastError: '550 mailbox unavailable', createdAt: '2026-12-05T02:00:00Z', nextAttemptAt: '2026-12-05T03:00:00Z',
});

describe('the undelivered mail page', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => vi.restoreAllMocks());

  it('lists dead letters, queues one again (202) and shows the platform\'s refusal of another (409)', async () => {
    vi.spyOn(api, 'deadLetters')
      .mockResolvedValueOnce({ items: [letter('1', 'a@example.test'), letter('2', 'b@example.test')], nextCursor: 'c2' })
      .mockResolvedValueOnce({ items: [letter('3', 'c@example.test')], nextCursor: null });
    vi.spyOn(api, 'retryDelivery')
      .mockResolvedValueOnce({ ...letter('1', 'a@example.test'), status: 'PENDING' })
      .mockRejectedValueOnce(new ProblemError(409, 'DELIVERY_NOT_DEAD', 'only a dead letter can be sent again; this delivery is SENT', undefined));
    const wrapper = mount(DeadLettersPage, { global: { stubs: { RouterLink: RouterLinkStub } } });
    await flushPromises();

    const rows = () => wrapper.findAll('tbody tr');
    expect(rows().map((r) => r.findAll('th, td').slice(0, 4).map((c) => c.text()))).toEqual([
      ['Order confirmed order 900', 'a@example.test', '6', '550 mailbox unavailable'],
      ['Order confirmed order 900', 'b@example.test', '6', '550 mailbox unavailable'],
    ]);
    expect(rows()[0]!.get('button').attributes('aria-label')).toBe('Send again: Order confirmed to a@example.test');

    await rows()[0]!.get('button').trigger('click');
    await flushPromises();
    expect(rows()[0]!.get('[data-testid="queued"]').text()).toBe('Queued to send again');
    expect(rows()[0]!.find('button').exists()).toBe(false);

    await rows()[1]!.get('button').trigger('click');
    await flushPromises();
    expect(rows()[1]!.get('[role="alert"]').text()).toBe('only a dead letter can be sent again; this delivery is SENT (DELIVERY_NOT_DEAD)');
    expect(rows()[1]!.find('button').exists()).toBe(true);

    // the next page by its cursor
    await wrapper.get('p > button').trigger('click');
    await flushPromises();
    expect(api.deadLetters).toHaveBeenLastCalledWith({ size: 20, cursor: 'c2' });
    expect(rows()).toHaveLength(3);
    expect(wrapper.find('p > button').exists()).toBe(false);
  });

  it('says when there is no undelivered mail', async () => {
    vi.spyOn(api, 'deadLetters').mockResolvedValueOnce({ items: [], nextCursor: null });
    const wrapper = mount(DeadLettersPage, { global: { stubs: { RouterLink: RouterLinkStub } } });
    await flushPromises();
    expect(wrapper.get('[data-testid="dead-letters-empty"]').text()).toBe('No undelivered mail: every email was sent.');
    expect(wrapper.find('table').exists()).toBe(false);
  });
});
