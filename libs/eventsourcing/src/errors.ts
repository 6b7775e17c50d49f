import type { ExpectedRevision } from './event-store';

/** Another writer appended to the stream first. Callers reload and decide again, or give up with 409. */
export class ConcurrencyError extends Error {
  readonly code = 'concurrency-conflict';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, but it is at ${String(actual)}`);
    this.name = 'ConcurrencyError';
  }
}

/** A stream id or event id the store refuses (system characters, path tricks, empty). */
export class InvalidStreamIdError extends Error {
  readonly code = 'invalid-stream-id';
  constructor(readonly streamId: string) {
    super(`Invalid stream id "${streamId}"`);
    this.name = 'InvalidStreamIdError';
  }
}

/** Some but not all of the event ids of an append were already stored: never silently merge. */
export class PartialDuplicateAppendError extends Error {
  readonly code = 'partial-duplicate-append';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId}: an append repeated some, but not all, of an earlier append's event ids`);
    this.name = 'PartialDuplicateAppendError';
  }
}

/** An event id that already belongs to another stream or repeats within one append. */
export class DuplicateEventIdError extends Error {
  readonly code = 'duplicate-event-id';
  constructor(readonly eventId: string) {
    super(`Event id ${eventId} is already used by another event`);
    this.name = 'DuplicateEventIdError';
  }
}
