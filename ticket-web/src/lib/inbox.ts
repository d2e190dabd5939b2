// The customer's inbox is two lists kept by two services: the notify service's notices (receipts, reminders, changes
// to a show) and the advert service's announcements. Each pages newest first with its own cursor; the page shows one
// list. Merging two cursor-paged lists: an entry is shown only once it is certain no unseen entry of the other list
// is newer, i.e. down to the oldest entry loaded from a list that has more. "Load more" asks that list for its next
// page.
import type { AnnouncementInboxItem, Notification, NotificationKind } from '../api/client';

export type InboxSource = 'notification' | 'announcement';

/** One entry of the merged inbox, whichever service it came from. */
export interface InboxEntry {
  /** Unique across both sources ("notification:123"). */
  key: string;
  source: InboxSource;
  /** The id the source's "mark read" takes. */
  id: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
  kind?: NotificationKind;
  orderNo?: string;
  showtimeId?: string;
}

export function fromNotification(notification: Notification): InboxEntry {
  const id = notification.id ?? '';
  return {
    key: `notification:${id}`,
    source: 'notification',
    id,
    title: notification.title ?? '',
    body: notification.body ?? '',
    createdAt: notification.createdAt ?? '',
    read: notification.readAt != null,
    ...(notification.kind ? { kind: notification.kind } : {}),
    ...(notification.orderNo ? { orderNo: notification.orderNo } : {}),
  };
}

export function fromAnnouncement(item: AnnouncementInboxItem): InboxEntry {
  const id = item.id ?? '';
  return {
    key: `announcement:${id}`,
    source: 'announcement',
    id,
    title: item.title ?? '',
    body: item.body ?? '',
    createdAt: item.createdAt ?? '',
    read: item.read === true || item.readAt != null,
    ...(item.showtimeId ? { showtimeId: item.showtimeId } : {}),
  };
}

const time = (entry: InboxEntry): number => {
  const ms = Date.parse(entry.createdAt);
  return Number.isNaN(ms) ? 0 : ms;
};

/** Newest first; entries of the same instant in a stable order (by key), duplicates (same key) once. */
export function newestFirst(entries: readonly InboxEntry[]): InboxEntry[] {
  const unique = new Map<string, InboxEntry>();
  for (const entry of entries) unique.set(entry.key, entry);
  return [...unique.values()].sort((a, b) => time(b) - time(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** What has been loaded of one source: its entries so far and the cursor of its next page (none: all loaded). */
export interface SourcePages {
  entries: InboxEntry[];
  nextCursor?: string;
  /** Whether its first page was asked for yet. */
  started: boolean;
}

export const emptySource = (): SourcePages => ({ entries: [], started: false });

const hasMore = (source: SourcePages): boolean => !source.started || source.nextCursor !== undefined;

/** The oldest instant down to which a source is known; -Infinity when it is all loaded. */
function knownDownTo(source: SourcePages): number {
  if (!hasMore(source)) return Number.NEGATIVE_INFINITY;
  if (source.entries.length === 0) return Number.POSITIVE_INFINITY;
  return Math.min(...source.entries.map(time));
}

/** The merged list as far as it is certain: newest first, nothing shown above an entry not yet loaded. */
export function visibleEntries(sources: readonly SourcePages[]): InboxEntry[] {
  const frontier = Math.max(...sources.map(knownDownTo));
  return newestFirst(sources.flatMap((s) => s.entries)).filter((entry) => time(entry) >= frontier);
}

/** Whether "load more" has anything to load. */
export function inboxHasMore(sources: readonly SourcePages[]): boolean {
  return sources.some(hasMore);
}

/** The sources to ask for their next page: the ones that hold the merged list back (not started, or oldest newest). */
export function sourcesToLoad(sources: readonly SourcePages[]): number[] {
  const limits = sources.map(knownDownTo);
  const frontier = Math.max(...limits);
  if (frontier === Number.NEGATIVE_INFINITY) return [];
  return limits.flatMap((limit, index) => (limit === frontier ? [index] : []));
}

/** A source after one more page. */
export function withPage(source: SourcePages, entries: readonly InboxEntry[], nextCursor: string | null | undefined): SourcePages {
  return {
    entries: [...source.entries, ...entries],
    started: true,
    ...(nextCursor ? { nextCursor } : {}),
  };
}

/** The same source with one entry read. */
export function markedRead(source: SourcePages, key: string): SourcePages {
  return { ...source, entries: source.entries.map((e) => (e.key === key ? { ...e, read: true } : e)) };
}

export function unreadCount(entries: readonly InboxEntry[]): number {
  return entries.reduce((n, entry) => n + (entry.read ? 0 : 1), 0);
}
