import type { RecordedEvent } from '../event';

export type PageReader = (after: number, maxCount: number) => Promise<RecordedEvent[]>;

export interface SharedPagesOptions {
  /** Pages kept (the oldest goes first). */
  entries?: number;
  /** How long a page is handed out again, ms. */
  reuseMs?: number;
  now?: () => number;
}

interface Page {
  events: Promise<RecordedEvent[]>;
  maxCount: number;
  readAt: number;
}

/**
 * Lets the subscriptions of one process share the pages they read. A worker follows the store
 * with several subscriptions (deadline manager, notification dispatcher, report periods, read
 * models), which mostly stand at the same position: each of them reading and parsing every new
 * event was most of the worker's reading. A page read for one of them is handed to the others
 * that ask for the same start within `reuseMs`.
 *
 * A page handed out again may lack events stored since it was read; it is still exactly what
 * followed its start at that time (positions are taken in commit order), so the subscription
 * goes on from its last event and reads the rest then. Empty pages are not kept: a subscription
 * that gets one sleeps until the next append or poll, which an old empty page must not cause.
 * The events are shared, as the in-memory store shares them: readers never change an event.
 */
export function sharedPages(read: PageReader, options: SharedPagesOptions = {}): PageReader {
  const { entries = 8, reuseMs = 1000, now = () => performance.now() } = options;
  const pages = new Map<number, Page>();
  return (after, maxCount) => {
    const page = pages.get(after);
    if (page && page.maxCount >= maxCount && now() - page.readAt < reuseMs)
      return page.events.then((events) => (events.length > maxCount ? events.slice(0, maxCount) : events));
    const events = read(after, maxCount);
    pages.delete(after);
    pages.set(after, { events, maxCount, readAt: now() });
    if (pages.size > entries) pages.delete(pages.keys().next().value as number);
    // A failed or empty read is not handed out again.
    const forget = () => {
      if (pages.get(after)?.events === events) pages.delete(after);
    };
    events.then((found) => found.length === 0 && forget(), forget);
    return events;
  };
}
