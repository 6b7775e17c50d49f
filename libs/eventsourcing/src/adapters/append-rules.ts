import { ConcurrencyError, DuplicateEventIdError, PartialDuplicateAppendError } from '../errors';
import type { AppendResult, ExpectedRevision } from '../event-store';
import type { NewEvent } from '../event';
import { GENESIS_HASH } from '../hash-chain';

export interface StreamHead {
  revision: number;
  hash: string;
}

export interface StoredEventRef {
  streamId: string;
  revision: number;
  position: number;
}

export type AppendPlan =
  | { kind: 'already-appended'; result: AppendResult }
  | { kind: 'write'; firstRevision: number; prevHash: string };

/**
 * The rules every local adapter applies before writing (EventStoreDB applies its own):
 * a re-append of event ids already stored, in the same stream at consecutive revisions, is a
 * success that writes nothing; a partial repeat is an error; otherwise the expected revision
 * must match the stream's head.
 */
export function planAppend(
  streamId: string,
  events: NewEvent[],
  expected: ExpectedRevision,
  head: StreamHead | undefined,
  findEvent: (eventId: string) => StoredEventRef | undefined,
): AppendPlan {
  const ids = events.map((e) => e.metadata.eventId);
  if (new Set(ids).size !== ids.length) {
    throw new DuplicateEventIdError(ids.find((id, i) => ids.indexOf(id) !== i) ?? '');
  }
  const found = ids.map(findEvent);
  if (found.some((f) => f !== undefined)) {
    const first = found[0];
    const allConsecutive =
      first !== undefined &&
      found.every((f, i) => f !== undefined && f.streamId === streamId && f.revision === first.revision + i);
    if (allConsecutive) {
      const last = found[found.length - 1] as StoredEventRef;
      return {
        kind: 'already-appended',
        result: { nextExpectedRevision: last.revision, position: last.position },
      };
    }
    const elsewhere = found.find((f) => f !== undefined && f.streamId !== streamId);
    if (elsewhere) throw new DuplicateEventIdError(ids[found.indexOf(elsewhere)]);
    throw new PartialDuplicateAppendError(streamId);
  }
  const actual = head ? head.revision : 'no_stream';
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && head === undefined) ||
    (typeof expected === 'number' && head !== undefined && head.revision === expected);
  if (!ok) throw new ConcurrencyError(streamId, expected, actual);
  return {
    kind: 'write',
    firstRevision: head ? head.revision + 1 : 0,
    prevHash: head ? head.hash : GENESIS_HASH,
  };
}
