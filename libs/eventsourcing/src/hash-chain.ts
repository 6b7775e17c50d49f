import { createHash, hash as oneShotHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { EventMetadata, NewEvent, RecordedEvent } from './event';

/** `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface SealedEvent {
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

interface HashInput {
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: Omit<EventMetadata, 'hash'>;
}

/** SHA-256 over the previous hash and the canonical JSON of the event (without its own hash). */
export function eventHash(input: HashInput): string {
  // canonicalJson of { streamId, revision, type, data, metadata }, its members written in their
  // sorted order by hand (data, metadata, revision, streamId, type): no object to build and sort
  // per event. Data left undefined (a member canonicalJson would drop) takes the general way.
  const body =
    input.data === undefined || !Number.isFinite(input.revision)
      ? canonicalJson({
          streamId: input.streamId,
          revision: input.revision,
          type: input.type,
          data: input.data,
          metadata: input.metadata,
        })
      : `{"data":${canonicalJson(input.data)},"metadata":${canonicalJson(input.metadata)},` +
        `"revision":${input.revision},"streamId":${canonicalJson(input.streamId)},"type":${canonicalJson(input.type)}}`;
  const text = `${input.metadata.prevHash}\n${body}`;
  // The same UTF-8 bytes either way; one-shot hashing (Node 20.12+) needs no Hash object per event.
  return typeof oneShotHash === 'function'
    ? oneShotHash('sha256', text, 'hex')
    : createHash('sha256').update(text).digest('hex');
}

/** Round-trips through JSON so that what is hashed is exactly what is stored and read back. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Completes the envelopes of events about to be appended at `firstRevision`, chaining each to
 * the one before. Every adapter seals through this one function.
 */
export function sealEvents(
  streamId: string,
  firstRevision: number,
  prevHash: string,
  events: NewEvent[],
  recordedAt: string,
): SealedEvent[] {
  let previous = prevHash;
  return events.map((event, index) => {
    const data = plain(event.data);
    const metadata = { ...plain(event.metadata), recordedAt, prevHash: previous };
    const hash = eventHash({ streamId, revision: firstRevision + index, type: event.type, data, metadata });
    previous = hash;
    return { type: event.type, data, metadata: { ...metadata, hash } };
  });
}

/** What an adapter that stores JSON text writes of a sealed event. */
export interface SerializedSeal {
  type: string;
  eventId: string;
  /** `JSON.stringify` of the sealed event's data and metadata, exactly. */
  dataJson: string;
  metadataJson: string;
}

/** Keys the seal adds to the envelope: one already there keeps its place in the text (see below). */
const SEAL_KEYS = ['recordedAt', 'prevHash', 'hash'];

/**
 * sealEvents for adapters that store JSON text: the same hashes, and the text of the same sealed
 * data and metadata, with less work. A value made only of plain objects, arrays, strings, finite
 * numbers, booleans and null (undefined members dropped) has the canonical JSON of its JSON
 * round trip, so it is hashed as it is instead of being parsed back first; anything else (a
 * Date, a class instance, toJSON, NaN, undefined in an array) takes the round trip as sealEvents
 * does. The metadata's text is the envelope's with the seal's three members appended.
 * hash-chain.spec.ts compares both with sealEvents.
 */
export function sealEventsSerialized(
  streamId: string,
  firstRevision: number,
  prevHash: string,
  events: NewEvent[],
  recordedAt: string,
): SerializedSeal[] {
  let previous = prevHash;
  return events.map((event, index) => {
    const dataJson = JSON.stringify(event.data);
    const data: unknown = isPlainJson(event.data) ? event.data : JSON.parse(dataJson);
    const envelopeJson = JSON.stringify(event.metadata);
    const envelope = (isPlainJson(event.metadata) ? event.metadata : JSON.parse(envelopeJson)) as Omit<
      EventMetadata,
      'hash'
    >;
    const metadata = { ...envelope, recordedAt, prevHash: previous };
    const hash = eventHash({ streamId, revision: firstRevision + index, type: event.type, data, metadata });
    // Appending to the text is what JSON.stringify of the sealed metadata gives, unless a member
    // of the seal is there already (the spread keeps its place) or there is nothing to append to.
    const metadataJson =
      envelopeJson === '{}' || SEAL_KEYS.some((key) => Object.prototype.hasOwnProperty.call(envelope, key))
        ? JSON.stringify({ ...JSON.parse(envelopeJson), recordedAt, prevHash: previous, hash })
        : `${envelopeJson.slice(0, -1)},"recordedAt":${JSON.stringify(recordedAt)},"prevHash":${JSON.stringify(previous)},"hash":${JSON.stringify(hash)}}`;
    previous = hash;
    return { type: event.type, eventId: event.metadata.eventId, dataJson, metadataJson };
  });
}

/** Whether `value` is JSON as it is: its JSON round trip has the same canonical JSON. */
function isPlainJson(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  const object = value as Record<string, unknown>;
  if ('toJSON' in object) return false;
  if (Array.isArray(object)) {
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Array.prototype) return false;
    for (let i = 0; i < object.length; i++) if (!isPlainJson(object[i])) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(object)) {
    const member = object[key];
    if (member !== undefined && !isPlainJson(member)) return false;
  }
  return true;
}

export type ChainBreakReason =
  'revision-gap' | 'prev-hash-mismatch' | 'hash-mismatch' | 'stream-mismatch' | 'position-order';

export interface ChainBreak {
  streamId: string;
  revision: number;
  position: number;
  eventId: string;
  reason: ChainBreakReason;
  detail: string;
}

/**
 * Incremental verifier for one stream: feed events in revision order; the first broken link is
 * returned and remembered. Works on a stream read alone or on streams interleaved in `$all`.
 */
export class StreamChainVerifier {
  private expectedRevision = 0;
  private lastHash = GENESIS_HASH;
  private lastPosition = 0;
  broken?: ChainBreak;
  count = 0;

  constructor(readonly streamId: string) {}

  get headHash(): string {
    return this.lastHash;
  }

  check(event: RecordedEvent): ChainBreak | undefined {
    if (this.broken) return this.broken;
    const fail = (reason: ChainBreakReason, detail: string): ChainBreak =>
      (this.broken = {
        streamId: this.streamId,
        revision: event.revision,
        position: event.position,
        eventId: event.metadata?.eventId,
        reason,
        detail,
      });
    this.count++;
    if (event.streamId !== this.streamId) {
      return fail('stream-mismatch', `event belongs to ${event.streamId}`);
    }
    if (event.revision !== this.expectedRevision) {
      return fail('revision-gap', `expected revision ${this.expectedRevision}, found ${event.revision}`);
    }
    if (event.position <= this.lastPosition) {
      return fail('position-order', `position ${event.position} does not follow ${this.lastPosition}`);
    }
    if (event.metadata.prevHash !== this.lastHash) {
      return fail('prev-hash-mismatch', `prevHash does not match the hash of revision ${event.revision - 1}`);
    }
    const { hash, ...rest } = event.metadata;
    const recomputed = eventHash({
      streamId: event.streamId,
      revision: event.revision,
      type: event.type,
      data: event.data,
      metadata: rest,
    });
    if (recomputed !== hash) {
      return fail(
        'hash-mismatch',
        'the stored hash does not match the event content (payload or metadata altered)',
      );
    }
    this.expectedRevision++;
    this.lastHash = hash;
    this.lastPosition = event.position;
    return undefined;
  }
}

/** Verifies one stream read in full; returns the first broken link, if any. */
export function verifyStreamChain(streamId: string, events: RecordedEvent[]): ChainBreak | undefined {
  const verifier = new StreamChainVerifier(streamId);
  for (const event of events) {
    const broken = verifier.check(event);
    if (broken) return broken;
  }
  return undefined;
}

export interface StoreVerification {
  events: number;
  streams: number;
  breaks: ChainBreak[];
}

/** Verifies every stream in a store by one pass over `$all`, reporting the first break per stream. */
export async function verifyStore(
  readAll: (after: number) => Promise<RecordedEvent[]>,
): Promise<StoreVerification> {
  const verifiers = new Map<string, StreamChainVerifier>();
  let after = 0;
  let events = 0;
  for (;;) {
    const page = await readAll(after);
    if (page.length === 0) break;
    for (const event of page) {
      let verifier = verifiers.get(event.streamId);
      if (!verifier) {
        verifier = new StreamChainVerifier(event.streamId);
        verifiers.set(event.streamId, verifier);
      }
      verifier.check(event);
      events++;
      after = event.position;
    }
  }
  const breaks = [...verifiers.values()].flatMap((v) => (v.broken ? [v.broken] : []));
  return { events, streams: verifiers.size, breaks };
}
