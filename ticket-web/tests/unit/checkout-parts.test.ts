import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import HoldCountdown from '../../src/components/HoldCountdown.vue';
import SelectionSummary from '../../src/components/SelectionSummary.vue';
import { setLocale } from '../../src/lib/i18n';

describe('HoldCountdown', () => {
  beforeEach(() => {
    setLocale('en');
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-05T04:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts the hold down to zero and says so once', async () => {
    const wrapper = mount(HoldCountdown, { props: { expiresAt: '2026-12-05T04:01:05Z' } });
    expect(wrapper.get('[role="timer"]').text()).toBe('1:05');
    expect(wrapper.get('[role="timer"]').attributes('aria-label')).toBe('1:05 left to pay');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(wrapper.get('[role="timer"]').text()).toBe('0:55');
    // announced once, as it crossed the last minute
    expect(wrapper.get('[aria-live="polite"]').text()).toBe('1:00 left to pay');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(wrapper.get('[role="timer"]').text()).toBe('0:00');
    expect(wrapper.emitted('expired')).toHaveLength(1);
  });
});

describe('SelectionSummary', () => {
  beforeEach(() => setLocale('en'));

  const seats = [
    { seatId: '1', label: 'F12', tier: 'A', minor: 8800 },
    { seatId: '2', label: 'F13', tier: 'B', minor: 6850 },
  ];

  it('totals in minor units and says the limit before it bites', () => {
    const wrapper = mount(SelectionSummary, { props: { seats, currency: 'CNY', limit: 6, busy: false, signedIn: true } });
    expect(wrapper.get('[data-testid="total"]').text()).toBe('¥156.50');
    expect(wrapper.text()).toContain('You can pick up to 6 seats for this show.');
    expect(wrapper.get('button.btn-primary').text()).toBe('Continue to checkout');
  });

  it('says when the limit is reached and asks a guest to log in', async () => {
    const wrapper = mount(SelectionSummary, { props: { seats, currency: 'CNY', limit: 2, busy: false, signedIn: false } });
    expect(wrapper.text()).toContain('That’s the most seats one customer can buy for this show (2).');
    expect(wrapper.get('button.btn-primary').text()).toBe('Log in to continue');
    await wrapper.get('button[aria-label="Remove seat F12"]').trigger('click');
    expect(wrapper.emitted('remove')).toEqual([['1']]);
  });
});
