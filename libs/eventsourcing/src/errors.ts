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

/**
 * Why the store cannot serve a request at the moment: a condition of the store, not of the
 * request, which an operator can act on (free disk space, make the file writable, elect a leader).
 */
export type StoreFault =
  | 'read-only'
  | 'disk-full'
  | 'corrupt'
  | 'busy'
  | 'io-error'
  | 'unreachable'
  | 'timeout'
  | 'no-leader'
  | 'access-denied';

/**
 * The store failed for a reason of its own (answered 503 with `store-unavailable`). The message
 * is one English sentence for the log and for an exit at start; it may name the file, so it is
 * not shown to callers: they get the `reason`.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'store-unavailable';
  constructor(
    readonly reason: StoreFault,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** One append larger than the store accepts (EventStoreDB's MaxAppendSize, 1 MiB by default). */
export class EventTooLargeError extends Error {
  readonly code = 'event-too-large';
  constructor(
    readonly streamId: string,
    readonly maxBytes: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `Stream ${streamId}: the append is larger than the store accepts${maxBytes ? ` (${maxBytes} bytes)` : ''}`,
      options,
    );
    this.name = 'EventTooLargeError';
  }
}
