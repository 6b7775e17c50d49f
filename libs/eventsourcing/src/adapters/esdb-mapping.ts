import {
  AccessDeniedError,
  ANY,
  CancelledError,
  DeadlineExceededError,
  jsonEvent,
  NO_STREAM,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type CurrentRevision,
  type EventData,
  type JSONType,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { DuplicateEventIdError, StoreUnavailableError } from '../errors';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event';
import type { ExpectedRevision } from '../event-store';
import type { SealedEvent } from '../hash-chain';

/**
 * Pure translations between our port and the EventStoreDB client (v6), kept apart from the
 * adapter so they are tested without a server.
 */

type AnyResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;

export { isEventStoreDbUrl, toClientConnectionString } from './esdb-url';

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(`expected revision must be a non-negative integer, got ${String(expected)}`);
  }
  return BigInt(expected);
}

/**
 * What the append sends as its expectation. The seal (prevHash) is computed from the head we
 * read, so even an 'any' append must only land on exactly that head; otherwise a concurrent
 * writer would leave our first event chained to the wrong predecessor.
 */
export function sealGuard(
  expected: ExpectedRevision,
  headRevision: number | undefined,
): AppendExpectedRevision {
  if (expected !== 'any') return toEsdbExpectedRevision(expected);
  return headRevision === undefined ? NO_STREAM : BigInt(headRevision);
}

/** Whether the stream head we read satisfies the caller's expectation (checked before sealing). */
export function expectationHolds(expected: ExpectedRevision, headRevision: number | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return headRevision === undefined;
  return headRevision !== undefined && headRevision === expected;
}

/** The client reports "no stream" as NO_STREAM, or as -1 when `throwOnAppendFailure=false`. */
export function fromEsdbCurrentRevision(current: CurrentRevision): number | 'no_stream' {
  if (current === NO_STREAM || current < 0n) return 'no_stream';
  return Number(current);
}

/** Our positions are JS numbers; a commit position is a byte offset, far below 2^53 in practice. */
export function fromEsdbPosition(commit: bigint): number {
  if (commit < 0n || commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB position ${commit} cannot be represented as a safe integer`);
  }
  return Number(commit);
}

/**
 * Events appended through gRPC are implicitly committed, so commit and prepare position are
 * both the event's own log position; a checkpoint number maps back to the same pair.
 */
export function toEsdbPosition(position: number): Position {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`position must be a non-negative integer, got ${String(position)}`);
  }
  return { commit: BigInt(position), prepare: BigInt(position) };
}

/**
 * What the server sends for an event whose commit position it does not know: the end of the log
 * (`Position.FromInt64(-1, -1)` in its gRPC transport). The v6 client passes it on as a position,
 * so it has to be recognised here. It happens on stream reads of a server that does not report
 * positions there, or for an event not committed by itself (an explicit TCP transaction).
 */
const NO_POSITION = 2n ** 64n - 1n;

/** The exact client position of a read event, for resuming a read right at it. */
export function esdbPositionOf(resolved: AnyResolvedEvent): Position {
  const own = resolved.event?.position;
  if (own && own.commit !== NO_POSITION) return own;
  if (resolved.commitPosition !== undefined && resolved.commitPosition !== NO_POSITION) {
    return { commit: resolved.commitPosition, prepare: resolved.commitPosition };
  }
  throw new Error(
    `EventStoreDB sent ${describe(resolved)} without its commit position; this adapter needs the position of every event it reads, which servers newer than 22.6 report on stream reads (client changelog, "Add position to events from stream")`,
  );
}

export function positionOf(resolved: AnyResolvedEvent): number {
  return fromEsdbPosition(esdbPositionOf(resolved).commit);
}

/** System events ($-streams, $-types, unresolved links) never reach callers of the port. */
export function isSystemEvent(resolved: AnyResolvedEvent): boolean {
  const event = resolved.event;
  return !event || event.streamId.startsWith('$') || event.type.startsWith('$');
}

export function toRecordedEvent(resolved: AnyResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new Error(`EventStoreDB returned ${describe(resolved)} without its event`);
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    position: positionOf(resolved),
    type: event.type,
    // Binary events are not ours; they are passed through as bytes rather than guessed at.
    data: event.data,
    metadata: parseEnvelopeMetadata(event.metadata),
  };
}

/**
 * The client parses JSON metadata itself and hands back raw bytes when it cannot. An event
 * written by another tool may carry no envelope: it surfaces with empty metadata, so the chain
 * verifier reports it as a broken link instead of every read of `$all` failing on it.
 */
export function parseEnvelopeMetadata(raw: unknown): EventMetadata {
  let value = raw;
  if (value instanceof Uint8Array) {
    try {
      value = JSON.parse(Buffer.from(value).toString('utf8')) as unknown;
    } catch {
      value = undefined;
    }
  }
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject) return {} as EventMetadata;
  // The server's own keys (see toEventData) are not part of the envelope the hash covers.
  const {
    $correlationId: _correlation,
    $causationId: _causation,
    ...envelope
  } = value as Record<string, unknown>;
  return envelope as unknown as EventMetadata;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Our event id becomes the EventStoreDB event id, so the server's own idempotency check and
 * ours speak about the same thing. `data` may be any JSON value: the client JSON-stringifies it
 * whatever its declared type. The envelope's correlation and causation ids are also written
 * under the keys the server's `$by_correlation_id` projection reads (`$correlationId`,
 * `$causationId`); they are outside the hash and dropped again on reading.
 */
export function toEventData(sealed: SealedEvent): EventData {
  const id = sealed.metadata.eventId;
  if (!UUID.test(id)) throw new Error(`event id "${id}" is not a UUID; EventStoreDB needs UUID event ids`);
  const { correlationId, causationId } = sealed.metadata;
  return jsonEvent({
    id,
    type: sealed.type,
    data: sealed.data as JSONType,
    metadata: { ...sealed.metadata, $correlationId: correlationId, $causationId: causationId } as JSONType,
  });
}

/** Lower-cased event ids of a batch; a batch that repeats an id is refused, as planAppend does. */
export function batchIds(events: NewEvent[]): string[] {
  const ids = events.map((e) => e.metadata.eventId.toLowerCase());
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) throw new DuplicateEventIdError(repeated);
  return ids;
}

export interface StoredRef {
  eventId: string;
  revision: number;
  position: number;
}

export function toStoredRef(resolved: AnyResolvedEvent): StoredRef {
  const recorded = toRecordedEvent(resolved);
  return {
    eventId: (resolved.event?.id ?? '').toLowerCase(),
    revision: recorded.revision,
    position: recorded.position,
  };
}

export type BatchMatch = { kind: 'all'; last: StoredRef } | { kind: 'none' } | { kind: 'partial' };

/**
 * Compares a batch with the stored events (in revision order) at the only place where that
 * batch could have been written before: 'all' means it is there, complete and in order.
 */
export function matchBatch(ids: string[], stored: StoredRef[]): BatchMatch {
  const complete = stored.length === ids.length && stored.every((s, i) => s.eventId === ids[i]);
  if (complete) return { kind: 'all', last: stored[stored.length - 1] };
  return stored.some((s) => ids.includes(s.eventId)) ? { kind: 'partial' } : { kind: 'none' };
}

/**
 * Reading `$all` from a number that is not an event's position makes the server fail the read
 * (it is not a record boundary). Such failures arrive as generic errors, so anything that is not
 * clearly a connection, authorisation or leadership problem may be one.
 */
export function mayBeInvalidPosition(error: unknown): boolean {
  return !(
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof AccessDeniedError ||
    error instanceof NotLeaderError ||
    error instanceof StoreUnavailableError
  );
}

function describe(resolved: AnyResolvedEvent): string {
  const event = resolved.event ?? resolved.link;
  return event ? `event ${event.streamId}@${String(event.revision)}` : 'a record';
}
