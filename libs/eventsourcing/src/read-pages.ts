import type { RecordedEvent } from './event';
import type { EventStore } from './event-store';

export interface ReadPagesOptions {
  /** Exclusive: start after this position. */
  after?: number;
  /** Inclusive: stop at this position (e.g. the head when the read began). */
  until?: number;
  pageSize?: number;
}

/**
 * `$all` in pages of bounded size, so that a full pass over a large store (replay, verification,
 * export) never holds more than one page of events at a time.
 */
export async function* readAllPages(
  store: Pick<EventStore, 'readAll'>,
  { after = 0, until = Infinity, pageSize = 1024 }: ReadPagesOptions = {},
): AsyncGenerator<RecordedEvent[]> {
  let checkpoint = after;
  while (checkpoint < until) {
    const page = await store.readAll({ after: checkpoint, maxCount: pageSize });
    if (page.length === 0) return;
    const last = page[page.length - 1].position;
    if (last > until) {
      const within = page.filter((e) => e.position <= until);
      if (within.length > 0) yield within;
      return;
    }
    yield page;
    checkpoint = last;
  }
}
