import { BACKWARDS, END, START, type AllStreamResolvedEvent, type ReadPosition } from '@eventstore/db-client';
import type { RecordedEvent } from '../event';
import type { EsdbReader } from './esdb-reader';
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

/**
 * Raw events (system ones included) with a position greater than `after`, page by page. The
 * first page tries `after` itself (a checkpoint), then `after + 1` (the "position - 1" idiom),
 * and as a last resort scans from the start. Later pages resume at the last event's exact
 * position, which the inclusive read returns again and the floor drops.
 */
export async function* readAllAfter(
  reader: EsdbReader,
  after: number,
  pageSize: number,
): AsyncGenerator<AllStreamResolvedEvent> {
  if (pageSize < 2) throw new RangeError('pages must hold at least two events to make progress');
  let floor = after;
  let page = await firstPage(reader, after, pageSize);
  for (;;) {
    for (const raw of page) {
      const position = positionOf(raw);
      if (position <= floor) continue;
      floor = position;
      yield raw;
    }
    if (page.length < pageSize) return;
    page = await reader.allPage(esdbPositionOf(page[page.length - 1]), pageSize);
  }
}

async function firstPage(reader: EsdbReader, after: number, pageSize: number) {
  if (after <= 0) return reader.allPage(START, pageSize);
  for (const candidate of [after, after + 1]) {
    try {
      return await reader.allPage(toEsdbPosition(candidate), pageSize);
    } catch (error) {
      if (!mayBeInvalidPosition(error)) throw error;
    }
  }
  return reader.allPage(START, pageSize);
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
export async function resumePoint(reader: EsdbReader, after: number): Promise<ResumePoint> {
  if (after <= 0) return { from: START };
  for (let attempt = 0; attempt < 5; attempt++) {
    for await (const raw of readAllAfter(reader, after, 2)) {
      return { from: esdbPositionOf(raw), first: isSystemEvent(raw) ? undefined : toRecordedEvent(raw) };
    }
    const [newest] = await reader.allPage(END, 1, BACKWARDS);
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
export async function newestEventPosition(reader: EsdbReader): Promise<number> {
  let from: ReadPosition = END;
  for (;;) {
    const page = await reader.allPage(from, HEAD_PAGE_SIZE, BACKWARDS);
    const newest = page.find((raw) => !isSystemEvent(raw));
    if (newest) return positionOf(newest);
    if (page.length < HEAD_PAGE_SIZE) return 0;
    from = esdbPositionOf(page[page.length - 1]);
  }
}
