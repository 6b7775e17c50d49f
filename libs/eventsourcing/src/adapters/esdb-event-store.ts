import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult as EsdbAppendResult,
  type Direction,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { ConcurrencyError, PartialDuplicateAppendError } from '../errors';
import type { NewEvent, RecordedEvent } from '../event';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { GENESIS_HASH, sealEvents } from '../hash-chain';
import { assertValidStreamId } from '../stream-name';
import {
  batchIds,
  esdbPositionOf,
  expectationHolds,
  fromEsdbCurrentRevision,
  fromEsdbPosition,
  isSystemEvent,
  matchBatch,
  mayBeInvalidPosition,
  positionOf,
  sealGuard,
  toClientConnectionString,
  toEsdbPosition,
  toEventData,
  toRecordedEvent,
  toStoredRef,
  type StoredRef,
} from './esdb-mapping';
import { filterStreamEvents } from './read-filters';

interface StreamHead extends StoredRef {
  hash: string;
}

export interface EsdbEventStoreOptions {
  /** How long ping() waits for the server before reporting it unreachable. */
  pingTimeoutMs?: number;
  /** How often an 'any' append re-reads the head and re-seals after losing a race. */
  anyRetries?: number;
}

const PAGE_SIZE = 512;
const HEAD_PAGE_SIZE = 32;

/**
 * EventStoreDB (or KurrentDB) through the official gRPC client. The server enforces expected
 * revisions atomically; this adapter adds the hash chain, which needs the stream head before
 * each append, and hides system events.
 *
 * Idempotent re-appends are recognised where the batch can only be: at the tail of the stream
 * (any expectation) or right after the expected revision (exact / no_stream expectation). An
 * event id reused in another stream, or an 'any' re-append after other events were added, is
 * not detected: EventStoreDB has no lookup by event id, and scanning streams per append is not
 * affordable. The local adapters refuse or accept those cases; this one writes them again.
 *
 * Requires a server of version 22.6 or later (positions on stream reads).
 */
export class EsdbEventStore implements EventStore {
  readonly kind = 'esdb' as const;
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<Subscription>();
  private readonly anyQueues = new Map<string, Promise<void>>();
  private readonly pingTimeoutMs: number;
  private readonly anyRetries: number;
  private closed = false;

  constructor(connectionString: string, options: EsdbEventStoreOptions = {}) {
    this.client = EventStoreDBClient.connectionString(toClientConnectionString(connectionString));
    this.pingTimeoutMs = options.pingTimeoutMs ?? 3000;
    this.anyRetries = options.anyRetries ?? 8;
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidStreamId(streamId);
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    if (this.closed) throw new Error('the event store is closed');
    // 'any' appends to one stream from this process would only race each other for the head.
    if (expected !== 'any') return this.append(streamId, events, expected);
    const run = (this.anyQueues.get(streamId) ?? Promise.resolve()).then(() =>
      this.append(streamId, events, expected),
    );
    const tail = run.then(noop, noop);
    this.anyQueues.set(streamId, tail);
    void tail.then(() => this.anyQueues.get(streamId) === tail && this.anyQueues.delete(streamId));
    return run;
  }

  private async append(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const ids = batchIds(events);
    for (let attempt = 1; ; attempt++) {
      const head = await this.readHead(streamId);
      if (head && ids.includes(head.eventId)) {
        return this.existingBatch(streamId, ids, await this.readTail(streamId, ids.length));
      }
      if (expected !== 'any' && !expectationHolds(expected, head?.revision)) {
        const found = matchBatch(ids, await this.readWhereBatchWouldBe(streamId, expected, ids.length));
        if (found.kind === 'all') return toAppendResult(found.last);
        if (found.kind === 'partial') throw new PartialDuplicateAppendError(streamId);
        throw new ConcurrencyError(streamId, expected, head ? head.revision : 'no_stream');
      }
      const sealed = sealEvents(
        streamId,
        head ? head.revision + 1 : 0,
        head ? head.hash : GENESIS_HASH,
        events,
        new Date().toISOString(),
      );
      let result: EsdbAppendResult | undefined;
      let actual: number | 'no_stream' | undefined;
      try {
        result = await this.client.appendToStream(streamId, sealed.map(toEventData), {
          expectedRevision: sealGuard(expected, head?.revision),
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        actual = fromEsdbCurrentRevision(error.actualVersion);
      }
      if (result?.success) {
        const revision = Number(result.nextExpectedRevision);
        // The server reports the log position of the batch's last event; an idempotent
        // acknowledgement may come without one.
        const position = result.position
          ? fromEsdbPosition(result.position.commit)
          : (await this.readAt(streamId, revision)).position;
        return { nextExpectedRevision: revision, position };
      }
      if (expected === 'any' && attempt < this.anyRetries) {
        await pause(attempt);
        continue;
      }
      // With throwOnAppendFailure=false the client returns success: false and an unreliable
      // revision, so the actual head is read again.
      actual ??= (await this.readHead(streamId))?.revision ?? 'no_stream';
      throw new ConcurrencyError(streamId, expected, actual);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamId(streamId);
    if (options.toRevision !== undefined && options.toRevision < 0) return [];
    const maxCount = options.toRevision === undefined ? undefined : Math.floor(options.toRevision) + 1;
    const events = (await this.readStreamRaw(streamId, START, FORWARDS, maxCount)).map(toRecordedEvent);
    return filterStreamEvents(events, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? Infinity;
    if (wanted <= 0) return [];
    // One more than wanted: a page read from an event's own position starts with that event.
    const pageSize = Math.min(Math.max(wanted + 1, 2), PAGE_SIZE);
    const events: RecordedEvent[] = [];
    for await (const raw of this.rawAfter(options.after ?? 0, pageSize)) {
      if (isSystemEvent(raw)) continue;
      events.push(toRecordedEvent(raw));
      if (events.length >= wanted) break;
    }
    return events;
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    let stopped = false;
    let live: AllStreamSubscription | undefined;
    const run = async (): Promise<void> => {
      let checkpoint = options.after ?? 0;
      const start = await this.resolveStart(checkpoint);
      if (start.first && !stopped) {
        await handler(start.first);
        checkpoint = start.first.position;
      }
      if (stopped) return;
      live = this.client.subscribeToAll({ fromPosition: start.from, filter: excludeSystemEvents() });
      try {
        // for-await pulls one event at a time, so a slow handler holds back the gRPC stream.
        for await (const resolved of live) {
          if (stopped) return;
          if (isSystemEvent(resolved)) continue;
          const event = toRecordedEvent(resolved);
          if (event.position <= checkpoint) continue;
          await handler(event);
          checkpoint = event.position;
        }
        if (!stopped) throw new Error('the EventStoreDB subscription ended unexpectedly');
      } catch (error) {
        if (!stopped) throw error;
      } finally {
        await live.unsubscribe().catch(() => undefined);
      }
    };
    const done = run();
    done.catch(() => undefined);
    const subscription: Subscription = {
      done,
      async stop() {
        stopped = true;
        // Wakes a loop that waits for the next live event; a running handler finishes first.
        live?.destroy();
        await done.catch(() => undefined);
      },
    };
    this.subscriptions.add(subscription);
    const forget = () => this.subscriptions.delete(subscription);
    done.then(forget, forget);
    return subscription;
  }

  /**
   * The newest non-system event: the projection runner waits until it has applied this
   * position, and it is never handed a system event, so a system event here would never be
   * reached.
   */
  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readAllRaw(from, HEAD_PAGE_SIZE, BACKWARDS);
      const newest = page.find((raw) => !isSystemEvent(raw));
      if (newest) return positionOf(newest);
      if (page.length < HEAD_PAGE_SIZE) return 0;
      from = esdbPositionOf(page[page.length - 1]);
    }
  }

  /** Reads reset the call deadline to infinity in the client, so the timeout is ours. */
  async ping(): Promise<void> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void read.cancel().catch(() => undefined);
        reject(new Error(`EventStoreDB did not answer within ${this.pingTimeoutMs} ms`));
      }, this.pingTimeoutMs);
    });
    try {
      await Promise.race([collect(read), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  private async readStreamRaw(
    streamId: string,
    fromRevision: ReadRevision,
    direction: Direction,
    maxCount?: number,
  ): Promise<ResolvedEvent[]> {
    try {
      return await collect(this.client.readStream(streamId, { fromRevision, direction, maxCount }));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private async readHead(streamId: string): Promise<StreamHead | undefined> {
    const [last] = await this.readStreamRaw(streamId, END, BACKWARDS, 1);
    if (!last?.event) return undefined;
    const hash = toRecordedEvent(last).metadata.hash;
    if (typeof hash !== 'string') {
      throw new Error(
        `Stream ${streamId} ends with an event without a hash; it was not written through this store`,
      );
    }
    return { ...toStoredRef(last), hash };
  }

  private async readTail(streamId: string, count: number): Promise<StoredRef[]> {
    return (await this.readStreamRaw(streamId, END, BACKWARDS, count)).map(toStoredRef).reverse();
  }

  private async readAt(streamId: string, revision: number): Promise<StoredRef> {
    const [event] = await this.readStreamRaw(streamId, BigInt(revision), FORWARDS, 1);
    if (!event)
      throw new Error(`Stream ${streamId} has no event at revision ${revision} right after appending it`);
    return toStoredRef(event);
  }

  /** An earlier append under the same expectation wrote its batch right after that revision. */
  private async readWhereBatchWouldBe(
    streamId: string,
    expected: 'no_stream' | number,
    count: number,
  ): Promise<StoredRef[]> {
    if (expected === 'no_stream')
      return (await this.readStreamRaw(streamId, START, FORWARDS, count)).map(toStoredRef);
    if (!Number.isSafeInteger(expected) || expected < 0) return [];
    return (await this.readStreamRaw(streamId, BigInt(expected + 1), FORWARDS, count)).map(toStoredRef);
  }

  private existingBatch(streamId: string, ids: string[], tail: StoredRef[]): AppendResult {
    const found = matchBatch(ids, tail);
    if (found.kind !== 'all') throw new PartialDuplicateAppendError(streamId);
    return toAppendResult(found.last);
  }

  private readAllRaw(
    from: ReadPosition,
    maxCount: number,
    direction: Direction,
  ): Promise<AllStreamResolvedEvent[]> {
    return collect(this.client.readAll({ fromPosition: from, maxCount, direction }));
  }

  /**
   * Raw events (system ones included) with a position greater than `after`, paging forwards.
   * The server reads inclusively and only from real record boundaries, so the first page tries
   * `after` itself (a checkpoint), then `after + 1` (the "position - 1" idiom), and as a last
   * resort scans from the start. Later pages resume at the last event's exact position.
   */
  private async *rawAfter(after: number, pageSize: number): AsyncGenerator<AllStreamResolvedEvent> {
    let floor = after;
    let page = await this.firstPage(after, pageSize);
    for (;;) {
      for (const raw of page) {
        const position = positionOf(raw);
        if (position <= floor) continue;
        floor = position;
        yield raw;
      }
      if (page.length < pageSize) return;
      page = await this.readAllRaw(esdbPositionOf(page[page.length - 1]), pageSize, FORWARDS);
    }
  }

  private async firstPage(after: number, pageSize: number): Promise<AllStreamResolvedEvent[]> {
    if (after <= 0) return this.readAllRaw(START, pageSize, FORWARDS);
    for (const candidate of [after, after + 1]) {
      try {
        return await this.readAllRaw(toEsdbPosition(candidate), pageSize, FORWARDS);
      } catch (error) {
        if (!mayBeInvalidPosition(error)) throw error;
      }
    }
    return this.readAllRaw(START, pageSize, FORWARDS);
  }

  /**
   * A subscription resumes exclusively after a position that must be a real event's. For an
   * arbitrary checkpoint we anchor on the first event after it (delivered by us) or, when
   * there is none yet, on the newest event, which then lies at or before the checkpoint.
   */
  private async resolveStart(after: number): Promise<{ from: ReadPosition; first?: RecordedEvent }> {
    if (after <= 0) return { from: START };
    for (let attempt = 0; attempt < 5; attempt++) {
      for await (const raw of this.rawAfter(after, 2)) {
        return { from: esdbPositionOf(raw), first: isSystemEvent(raw) ? undefined : toRecordedEvent(raw) };
      }
      const [newest] = await this.readAllRaw(END, 1, BACKWARDS);
      if (!newest) return { from: START };
      if (positionOf(newest) <= after) return { from: esdbPositionOf(newest) };
      // Something was appended between the two reads: look again.
    }
    throw new Error(`Could not find where to resume $all after position ${after}`);
  }
}

function noop(): void {}

function toAppendResult(last: StoredRef): AppendResult {
  return { nextExpectedRevision: last.revision, position: last.position };
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/** Jittered back-off so racing 'any' writers do not collide again in lockstep. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
}
