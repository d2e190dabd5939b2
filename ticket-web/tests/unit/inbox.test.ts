import { mount, RouterLinkStub } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import InboxItem from '../../src/components/InboxItem.vue';
import {
  emptySource, fromAnnouncement, fromNotification, inboxHasMore, markedRead, newestFirst, sourcesToLoad, unreadCount,
  visibleEntries, withPage, type InboxEntry,
} from '../../src/lib/inbox';
import { setLocale } from '../../src/lib/i18n';
import { badgeText } from '../../src/lib/unread';

const notice = (id: string, createdAt: string, readAt: string | null = null): InboxEntry => fromNotification({
  id, kind: 'ORDER_CONFIRMED', title: `Notice ${id}`, body: 'Your tickets', orderNo: '900', createdAt, readAt,
});
const announcement = (id: string, createdAt: string, read = false): InboxEntry => fromAnnouncement({
  id, announcementId: '1', title: `Announcement ${id}`, body: 'Hall 2 closed', createdAt, read,
});

describe('inbox entries', () => {
  it('keeps what each source says: read state, order, kind, a key unique across sources', () => {
    const n = notice('7', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z');
    const a = announcement('7', '2026-12-01T10:00:00Z');
    expect(n).toMatchObject({ key: 'notification:7', read: true, orderNo: '900', kind: 'ORDER_CONFIRMED' });
    expect(a).toMatchObject({ key: 'announcement:7', read: false });
    expect(a.orderNo).toBeUndefined();
    expect(fromAnnouncement({ id: '8', readAt: '2026-12-01T10:00:00Z' }).read).toBe(true);
  });

  it('sorts both sources newest first, without duplicates', () => {
    const merged = newestFirst([
      notice('1', '2026-12-01T08:00:00Z'), announcement('2', '2026-12-01T09:30:00Z'),
      notice('3', '2026-12-01T09:00:00Z'), notice('1', '2026-12-01T08:00:00Z'),
    ]);
    expect(merged.map((e) => e.key)).toEqual(['announcement:2', 'notification:3', 'notification:1']);
  });

  it('counts the unread ones', () => {
    expect(unreadCount([notice('1', '2026-12-01T08:00:00Z'), notice('2', '2026-12-01T08:00:00Z', '2026-12-02T00:00:00Z'),
      announcement('3', '2026-12-01T08:00:00Z')])).toBe(2);
    expect(unreadCount([])).toBe(0);
    expect(badgeText(3)).toBe('3');
    expect(badgeText(140)).toBe('99+');
  });
});

describe('paging two sources as one list', () => {
  it('asks both sources first, then shows nothing older than what a source with more pages has shown', () => {
    const start = [emptySource(), emptySource()];
    expect(sourcesToLoad(start)).toEqual([0, 1]);
    expect(inboxHasMore(start)).toBe(true);
    expect(visibleEntries(start)).toEqual([]);

    // notices: 10:00 and 09:00, more to come; announcements: 09:30 and 07:00, all of them
    const sources = [
      withPage(start[0]!, [notice('n1', '2026-12-01T10:00:00Z'), notice('n2', '2026-12-01T09:00:00Z')], 'c1'),
      withPage(start[1]!, [announcement('a1', '2026-12-01T09:30:00Z'), announcement('a2', '2026-12-01T07:00:00Z')], null),
    ];
    // an unseen notice might sit between 09:00 and 07:00: the 07:00 announcement waits
    expect(visibleEntries(sources).map((e) => e.id)).toEqual(['n1', 'a1', 'n2']);
    expect(sourcesToLoad(sources)).toEqual([0]);

    const next = [withPage(sources[0]!, [notice('n3', '2026-12-01T08:00:00Z')], null), sources[1]!];
    expect(visibleEntries(next).map((e) => e.id)).toEqual(['n1', 'a1', 'n2', 'n3', 'a2']);
    expect(inboxHasMore(next)).toBe(false);
    expect(sourcesToLoad(next)).toEqual([]);
  });

  it('shows everything of one source when the other is empty', () => {
    const sources = [withPage(emptySource(), [], null), withPage(emptySource(), [announcement('a', '2026-12-01T07:00:00Z')], null)];
    expect(visibleEntries(sources).map((e) => e.key)).toEqual(['announcement:a']);
  });

  it('marks one entry read in its source only', () => {
    const source = withPage(emptySource(), [notice('1', '2026-12-01T08:00:00Z'), notice('2', '2026-12-01T07:00:00Z')], null);
    const after = markedRead(source, 'notification:2');
    expect(after.entries.map((e) => e.read)).toEqual([false, true]);
    expect(source.entries[1]!.read).toBe(false);
  });
});

describe('an inbox message', () => {
  it('says it is unread in words, links to its order, and asks to be marked read when opened or on the button', async () => {
    setLocale('en');
    const entry = notice('1', '2026-12-01T08:00:00Z');
    const wrapper = mount(InboxItem, { props: { entry }, global: { stubs: { RouterLink: RouterLinkStub } } });
    expect(wrapper.get('h3').text()).toBe('Unread: Notice 1');
    expect(wrapper.get('.badge').text()).toBe('Order confirmed');
    expect(wrapper.getComponent(RouterLinkStub).props('to')).toBe('/orders/900');
    expect(wrapper.get('.actions button').attributes('aria-label')).toBe('Mark as read: Notice 1');

    const toggle = wrapper.get('h3 button');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    await wrapper.get('.actions button').trigger('click');
    expect(wrapper.emitted('read')).toEqual([[entry], [entry]]);

    await wrapper.setProps({ entry: { ...entry, read: true } });
    expect(wrapper.get('h3').text()).toBe('Notice 1');
    expect(wrapper.find('.actions button').exists()).toBe(false);
    expect(wrapper.attributes('data-unread')).toBe('false');
  });
});
