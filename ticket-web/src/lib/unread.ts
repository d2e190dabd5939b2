// The number of unread inbox entries, for the header's badge: counted over the newest entries of both sources (the
// platform has no count of its own), refreshed every minute while signed in and whenever the inbox marks one read.
import { reactive } from 'vue';
import { fromAnnouncement, fromNotification, unreadCount, type InboxEntry } from './inbox';
import { api, session } from './session';

/** How many newest entries of each source are counted; more unread than that shows as "99+". */
export const COUNTED = 100;
export const REFRESH_MS = 60_000;

export const unread = reactive({
  /** undefined until first counted (or while signed out). */
  count: undefined as number | undefined,
});

let counting: Promise<void> | undefined;
/** Bumped by every read: a count that started before it is stale and must not be written. */
let generation = 0;

/** Counts again (callers at the same time share one count); a source that fails keeps the badge as it was. */
export function refreshUnread(): Promise<void> {
  if (!session.signedIn) {
    unread.count = undefined;
    return Promise.resolve();
  }
  counting ??= (async () => {
    let started = -1;
    try {
      do {
        started = generation;
        const [notices, announcements] = await Promise.all([
          api.listNotifications({ size: COUNTED }),
          api.listAnnouncementInbox({ size: COUNTED }),
        ]);
        const entries: InboxEntry[] = [
          ...(notices.items ?? []).map(fromNotification),
          ...(announcements.items ?? []).map(fromAnnouncement),
        ];
        // an entry marked read while this count ran: count once more rather than write an old number back
        if (started === generation) unread.count = session.signedIn ? unreadCount(entries) : undefined;
      } while (started !== generation);
    } catch {
      // the badge keeps its last count; the next refresh tries again
    } finally {
      counting = undefined;
    }
  })();
  return counting;
}

/** An entry was just marked read: the badge drops at once, then is counted again. */
export function noteRead(): void {
  generation += 1;
  if (unread.count !== undefined && unread.count > 0) unread.count -= 1;
  void refreshUnread();
}

/** The badge's text: the count, capped. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}
