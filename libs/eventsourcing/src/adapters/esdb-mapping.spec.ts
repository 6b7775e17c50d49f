import {
  ANY,
  EventStoreDBClient,
  NO_STREAM,
  UnavailableError,
  UnknownError,
  AccessDeniedError,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError } from '../errors';
import { GENESIS_HASH, sealEvents, verifyStreamChain } from '../hash-chain';
import { newEvent } from '../testing/new-event';
import {
  batchIds,
  esdbPositionOf,
  expectationHolds,
  fromEsdbCurrentRevision,
  fromEsdbPosition,
  isEventStoreDbUrl,
  isSystemEvent,
  matchBatch,
  mayBeInvalidPosition,
  parseEnvelopeMetadata,
  sealGuard,
  toClientConnectionString,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toEventData,
  toRecordedEvent,
  toStoredRef,
} from './esdb-mapping';

interface FakeEvent {
  streamId?: string;
  type?: string;
  revision?: bigint;
  data?: unknown;
  metadata?: unknown;
  position?: { commit: bigint; prepare: bigint };
  id?: string;
}

/** What the client hands out for a JSON event read from `$all`. */
function resolved(event: FakeEvent | undefined, commitPosition?: bigint): AllStreamResolvedEvent {
  const full = event && {
    streamId: 'call-1',
    id: randomUUID(),
    isJson: true,
    revision: 0n,
    type: 'Opened',
    created: new Date(),
    data: {},
    metadata: {},
    ...event,
  };
  return { event: full, commitPosition } as unknown as AllStreamResolvedEvent;
}

describe('EventStoreDB mapping: connection strings', () => {
  it.each([
    'esdb://localhost:2113?tls=false',
    'esdb+discover://a:2113,b:2113',
    'kurrentdb://x',
    'kurrent://x',
    'kdb://localhost:2113?tls=false',
    'kdb+discover://a:2113,b:2113',
  ])('accepts %s', (url) => expect(isEventStoreDbUrl(url)).toBe(true));

  it.each([undefined, '', 'sqlite:./data/events.sqlite', 'memory', 'http://localhost:2113'])(
    'refuses %s',
    (url) => expect(isEventStoreDbUrl(url)).toBe(false),
  );

  it('rewrites the KurrentDB schemes to the ones the v6 client parses', () => {
    expect(toClientConnectionString('kurrentdb://localhost:2113?tls=false')).toBe(
      'esdb://localhost:2113?tls=false',
    );
    expect(toClientConnectionString(' KurrentDB+discover://a:2113 ')).toBe('esdb+discover://a:2113');
    expect(toClientConnectionString('esdb://h:2113')).toBe('esdb://h:2113');
    expect(toClientConnectionString('kdb://h:2113?tls=false')).toBe('esdb://h:2113?tls=false');
    expect(toClientConnectionString('kdb+discover://h:2113')).toBe('esdb+discover://h:2113');
    expect(() => toClientConnectionString('sqlite:./x')).toThrow(/must start with/);
  });

  it('produces strings the client accepts (no connection is opened)', async () => {
    const client = EventStoreDBClient.connectionString(
      toClientConnectionString('kurrent://localhost:2113?tls=false'),
    );
    await client.dispose();
  });
});

describe('EventStoreDB mapping: expected revisions', () => {
  it('maps our expectations to the client constants', () => {
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision(3)).toBe(3n);
    expect(() => toEsdbExpectedRevision(-1)).toThrow(RangeError);
    expect(() => toEsdbExpectedRevision(1.5)).toThrow(RangeError);
  });

  it("pins even an 'any' append to the head it was sealed against", () => {
    expect(sealGuard('any', 4)).toBe(4n);
    expect(sealGuard('any', undefined)).toBe(NO_STREAM);
    expect(sealGuard(2, 2)).toBe(2n);
    expect(sealGuard('no_stream', undefined)).toBe(NO_STREAM);
  });

  it('checks an expectation against the head read before sealing', () => {
    expect(expectationHolds('any', 7)).toBe(true);
    expect(expectationHolds('no_stream', undefined)).toBe(true);
    expect(expectationHolds('no_stream', 0)).toBe(false);
    expect(expectationHolds(0, 0)).toBe(true);
    expect(expectationHolds(0, undefined)).toBe(false);
    expect(expectationHolds(5, 0)).toBe(false);
  });

  it('maps the actual revision of a conflict back', () => {
    expect(fromEsdbCurrentRevision(NO_STREAM)).toBe('no_stream');
    expect(fromEsdbCurrentRevision(-1n)).toBe('no_stream');
    expect(fromEsdbCurrentRevision(7n)).toBe(7);
  });
});

describe('EventStoreDB mapping: positions', () => {
  it('converts numbers to commit/prepare pairs and back', () => {
    expect(toEsdbPosition(1234)).toEqual({ commit: 1234n, prepare: 1234n });
    expect(fromEsdbPosition(99n)).toBe(99);
    expect(() => toEsdbPosition(-1)).toThrow(RangeError);
    expect(() => toEsdbPosition(0.5)).toThrow(RangeError);
    expect(() => fromEsdbPosition(2n ** 53n)).toThrow(RangeError);
    expect(() => fromEsdbPosition(-1n)).toThrow(RangeError);
  });

  it("prefers the event's own position and falls back to the resolved commit position", () => {
    const position = { commit: 500n, prepare: 500n };
    expect(esdbPositionOf(resolved({ position }, 1n))).toBe(position);
    expect(esdbPositionOf(resolved({}, 42n))).toEqual({ commit: 42n, prepare: 42n });
    expect(() => esdbPositionOf(resolved({}))).toThrow(/22\.6/);
  });

  it("recognises the server's 'no position' (2^64 - 1), which the client passes on as a position", () => {
    const none = { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n };
    expect(esdbPositionOf(resolved({ position: none }, 42n))).toEqual({ commit: 42n, prepare: 42n });
    expect(() => esdbPositionOf(resolved({ position: none, streamId: 'call-7' }))).toThrow(
      /event call-7@0 without its commit position/,
    );
  });
});

describe('EventStoreDB mapping: events', () => {
  it('treats $-streams, $-types and unresolved links as system events', () => {
    expect(isSystemEvent(resolved({ streamId: '$stats-127.0.0.1:2113' }))).toBe(true);
    expect(isSystemEvent(resolved({ streamId: '$ce-call', type: '$>' }))).toBe(true);
    expect(isSystemEvent(resolved({ type: '$metadata' }))).toBe(true);
    expect(isSystemEvent(resolved(undefined, 1n))).toBe(true);
    expect(isSystemEvent(resolved({ streamId: 'call-1', type: 'Opened' }))).toBe(false);
  });

  it('converts a resolved event into our RecordedEvent', () => {
    const metadata = { eventId: randomUUID(), hash: 'h' };
    const event = toRecordedEvent(
      resolved({
        streamId: 'call-7',
        type: 'Opened',
        revision: 3n,
        data: { a: 1 },
        metadata,
        position: { commit: 900n, prepare: 900n },
      }),
    );
    expect(event).toEqual({
      streamId: 'call-7',
      revision: 3,
      position: 900,
      type: 'Opened',
      data: { a: 1 },
      metadata,
    });
  });

  it('parses metadata the client left as bytes, and degrades foreign metadata to an empty envelope', () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ eventId: 'x' }));
    expect(parseEnvelopeMetadata(bytes)).toEqual({ eventId: 'x' });
    expect(parseEnvelopeMetadata(new TextEncoder().encode('not json'))).toEqual({});
    expect(parseEnvelopeMetadata(undefined)).toEqual({});
    expect(parseEnvelopeMetadata(['a'])).toEqual({});
  });

  it('writes our event id, data and the full sealed envelope, and reads them back chain-valid', () => {
    const events = [newEvent('Opened', { name: 'Städte 😀', n: [1, 2.5, null] }), newEvent('Closed', 'text')];
    const sealed = sealEvents('call-9', 0, GENESIS_HASH, events, '2024-05-01T10:00:00.000Z');
    const written = sealed.map(toEventData);
    expect(written[0]).toMatchObject({
      id: events[0].metadata.eventId,
      contentType: 'application/json',
      type: 'Opened',
      data: sealed[0].data,
      metadata: sealed[0].metadata,
    });
    // What the server stores is the JSON text the client sends; the client parses it on read.
    const readBack = written.map((e, i) =>
      toRecordedEvent(
        resolved({
          streamId: 'call-9',
          id: e.id,
          type: e.type,
          revision: BigInt(i),
          data: JSON.parse(JSON.stringify(e.data)),
          metadata: JSON.parse(JSON.stringify(e.metadata)),
          position: { commit: BigInt(100 + i * 50), prepare: BigInt(100 + i * 50) },
        }),
      ),
    );
    expect(verifyStreamChain('call-9', readBack)).toBeUndefined();
  });

  it('refuses event ids EventStoreDB cannot store', () => {
    const [sealed] = sealEvents(
      'call-1',
      0,
      GENESIS_HASH,
      [newEvent('A', {}, { eventId: 'not-a-uuid' })],
      'now',
    );
    expect(() => toEventData(sealed)).toThrow(/not a UUID/);
  });
});

describe('EventStoreDB mapping: idempotent re-appends', () => {
  const ref = (eventId: string, revision: number) => ({ eventId, revision, position: 100 + revision });

  it('lower-cases batch ids and refuses a batch that repeats one', () => {
    const a = newEvent('A', {}, { eventId: 'AAAAAAAA-0000-4000-8000-000000000000' });
    expect(batchIds([a])).toEqual(['aaaaaaaa-0000-4000-8000-000000000000']);
    expect(() => batchIds([a, a])).toThrow(DuplicateEventIdError);
  });

  it('recognises a batch that is stored complete and in order', () => {
    expect(matchBatch(['a', 'b'], [ref('a', 4), ref('b', 5)])).toEqual({ kind: 'all', last: ref('b', 5) });
    expect(matchBatch(['a', 'b'], [ref('x', 4), ref('y', 5)])).toEqual({ kind: 'none' });
    expect(matchBatch(['a', 'b'], [])).toEqual({ kind: 'none' });
    expect(matchBatch(['a', 'b'], [ref('b', 5)])).toEqual({ kind: 'partial' });
    expect(matchBatch(['a', 'b'], [ref('b', 4), ref('a', 5)])).toEqual({ kind: 'partial' });
  });

  it("uses EventStoreDB's event id, lower-cased, to identify stored events", () => {
    const id = randomUUID().toUpperCase();
    const stored = toStoredRef(resolved({ id, revision: 2n, position: { commit: 7n, prepare: 7n } }));
    expect(stored).toEqual({ eventId: id.toLowerCase(), revision: 2, position: 7 });
  });
});

describe('EventStoreDB mapping: errors', () => {
  it('falls back on another start position only for errors that are not about the connection or rights', () => {
    expect(mayBeInvalidPosition(new UnknownError())).toBe(true);
    expect(mayBeInvalidPosition(new Error('Log record at actual pos 99 has too large length'))).toBe(true);
    expect(mayBeInvalidPosition(new UnavailableError())).toBe(false);
    expect(mayBeInvalidPosition(new AccessDeniedError())).toBe(false);
  });
});
