import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import InboxItem from '../../src/components/InboxItem.vue';
import LiveRegions from '../../src/components/LiveRegions.vue';
import StatusBanner from '../../src/components/StatusBanner.vue';
import { announce, liveRegions } from '../../src/lib/announcer';
import { focusAfterRender, within } from '../../src/lib/focus';
import { fromNotification } from '../../src/lib/inbox';
import { setLocale } from '../../src/lib/i18n';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('announcements', () => {
  it('speak through live regions that exist before the message, emptied first so a repeat is spoken again', async () => {
    vi.useFakeTimers();
    const app = document.createElement('div');
    app.id = 'app';
    document.body.append(app);
    mount(LiveRegions, { attachTo: app });
    // beside the app's root, so the page's own text is not found twice in it
    const region = (id: string) => document.body.querySelector<HTMLElement>(`:scope > [data-testid="${id}"]`)!;
    expect(region('live-polite').getAttribute('role')).toBe('status');
    expect(region('live-assertive').getAttribute('role')).toBe('alert');
    expect(app.querySelector('[data-testid]')).toBeNull();
    announce('Saved.');
    vi.advanceTimersByTime(100);
    await nextTick();
    expect(region('live-polite').textContent).toBe('Saved.');
    announce('Saved.');
    expect(liveRegions.polite).toBe('');
    vi.advanceTimersByTime(100);
    expect(liveRegions.polite).toBe('Saved.');
    announce('   ');
    vi.advanceTimersByTime(100);
    expect(liveRegions.polite).toBe('Saved.');
  });

  it('a banner speaks its text when it appears and when it changes; errors at once', async () => {
    vi.useFakeTimers();
    const text = ref('Holder deleted.');
    const Host = defineComponent({ setup: () => () => h(StatusBanner, { tone: 'success' }, () => h('p', text.value)) });
    mount(Host);
    vi.advanceTimersByTime(100);
    expect(liveRegions.polite).toBe('Holder deleted.');
    text.value = 'Holder saved.';
    await nextTick();
    vi.advanceTimersByTime(100);
    expect(liveRegions.polite).toBe('Holder saved.');
    mount(StatusBanner, { props: { tone: 'error', title: 'Offline' }, slots: { default: 'Try again.' } });
    vi.advanceTimersByTime(100);
    expect(liveRegions.assertive).toBe('Offline Try again.');
  });
});

describe('focus after the focused control goes away', () => {
  it('moves to the target read after the render, and does nothing when there is none', async () => {
    const shown = ref(true);
    const Host = defineComponent({
      setup: () => () => h('div', [shown.value ? h('button', { id: 'gone' }, 'Delete') : null, h('h2', { id: 'heading', tabindex: -1 }, 'Holders')]),
    });
    mount(Host, { attachTo: document.body });
    document.getElementById('gone')!.focus();
    shown.value = false;
    await focusAfterRender(() => document.getElementById('heading'));
    expect(document.activeElement?.id).toBe('heading');
    await expect(focusAfterRender(() => null)).resolves.toBeUndefined();
  });

  it('finds a control inside the row of a given id, whatever characters the id has', () => {
    document.body.innerHTML = '<table><tr data-showtime-id="12&quot;3"><td><button data-action="move">Move</button></td></tr></table>';
    expect(within('showtime-id', '12"3', '[data-action="move"]')?.textContent).toBe('Move');
    expect(within('showtime-id', '999', '[data-action="move"]')).toBeNull();
    expect(within('showtime-id', undefined, '[data-action="move"]')).toBeNull();
  });

  it('an inbox entry marked read from its button gives the focus to its title', async () => {
    setLocale('en');
    const entry = fromNotification({ id: '5', kind: 'ORDER_CONFIRMED', title: 'Tickets ready', body: 'b', createdAt: '2026-12-01T10:00:00Z', readAt: null });
    const item = mount(InboxItem, { props: { entry }, attachTo: document.body, global: { stubs: { RouterLink: true } } });
    const mark = item.get('button.btn-ghost');
    (mark.element as HTMLButtonElement).focus();
    await mark.trigger('click');
    expect(item.emitted('read')).toHaveLength(1);
    await item.setProps({ entry: { ...entry, read: true } });
    await flushPromises();
    expect(item.find('button.btn-ghost').exists()).toBe(false);
    expect(document.activeElement).toBe(item.get('button.toggle').element);
  });
});
