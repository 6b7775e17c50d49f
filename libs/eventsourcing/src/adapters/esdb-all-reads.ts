import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type AllStreamResolvedEvent,
  type Direction,
  type EventStoreDBClient,
  type ReadPosition,
} from '@eventstore/db-client';
import type { RecordedEvent } from '../event';
import {
  esdbPositionOf,
  isSystemEvent,
  mayBeInvalidPosition,
  positionOf,
  toEsdbPosition,
  toRecordedEvent,
} from './esdb-mapping';

/**
 * Reading `$all` by our numeric positions. The server reads forwards inclusively and only from
 * real record boundaries (any other number fails the read), backwards exclusively; our port
 * speaks of exclusive positions that may be any number.
 */

export const PAGE_SIZE = 512;
const HEAD_PAGE_SIZE = 32;

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

export function readAllPage(
  client: EventStoreDBClient,
  fromPosition: ReadPosition,
  maxCount: number,
  direction: Direction = FORWARDS,
): Promise<AllStreamResolvedEvent[]> {
  return collect(client.readAll({ fromPosition, maxCount, direction }));
}

/**
 * Raw events (system ones included) with a position greater than `after`, page by page. The
 * first page tries `after` itself (a checkpoint), then `after + 1` (the "position - 1" idiom),
 * and as a last resort scans from the start. Later pages resume at the last event's exact
 * position, which the inclusive read returns again and the floor drops.
 */
export async function* readAllAfter(
  client: EventStoreDBClient,
  after: number,
  pageSize: number,
): AsyncGenerator<AllStreamResolvedEvent> {
  if (pageSize < 2) throw new RangeError('pages must hold at least two events to make progress');
  let floor = after;
  let page = await firstPage(client, after, pageSize);
  for (;;) {
    for (const raw of page) {
      const position = positionOf(raw);
      if (position <= floor) continue;
      floor = position;
      yield raw;
    }
    if (page.length < pageSize) return;
    page = await readAllPage(client, esdbPositionOf(page[page.length - 1]), pageSize);
  }
}

async function firstPage(client: EventStoreDBClient, after: number, pageSize: number) {
  if (after <= 0) return readAllPage(client, START, pageSize);
  for (const candidate of [after, after + 1]) {
    try {
      return await readAllPage(client, toEsdbPosition(candidate), pageSize);
    } catch (error) {
      if (!mayBeInvalidPosition(error)) throw error;
    }
  }
  return readAllPage(client, START, pageSize);
}

export interface ResumePoint {
  /** Where the server-side subscription starts, exclusively; always a real event's position. */
  from: ReadPosition;
  /** The first event after the checkpoint, which the caller delivers itself. */
  first?: RecordedEvent;
}

/**
 * A subscription resumes after a position that must be a real event's, and a checkpoint need
 * not be one. We anchor on the first event after it (delivered by the caller) or, when there is
 * none yet, on the newest event, which then lies at or before the checkpoint.
 */
export async function resumePoint(client: EventStoreDBClient, after: number): Promise<ResumePoint> {
  if (after <= 0) return { from: START };
  for (let attempt = 0; attempt < 5; attempt++) {
    for await (const raw of readAllAfter(client, after, 2)) {
      return { from: esdbPositionOf(raw), first: isSystemEvent(raw) ? undefined : toRecordedEvent(raw) };
    }
    const [newest] = await readAllPage(client, END, 1, BACKWARDS);
    if (!newest) return { from: START };
    if (positionOf(newest) <= after) return { from: esdbPositionOf(newest) };
    // Something was appended between the two reads: look again.
  }
  throw new Error(`Could not find where to resume $all after position ${after}`);
}

/**
 * The newest non-system event. The projection runner waits until it has applied this position
 * and is never handed a system event, so returning one would make it wait for ever.
 */
export async function newestEventPosition(client: EventStoreDBClient): Promise<number> {
  let from: ReadPosition = END;
  for (;;) {
    const page = await readAllPage(client, from, HEAD_PAGE_SIZE, BACKWARDS);
    const newest = page.find((raw) => !isSystemEvent(raw));
    if (newest) return positionOf(newest);
    if (page.length < HEAD_PAGE_SIZE) return 0;
    from = esdbPositionOf(page[page.length - 1]);
  }
}
