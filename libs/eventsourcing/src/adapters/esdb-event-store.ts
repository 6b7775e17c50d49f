import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamSubscription,
  type AppendResult as EsdbAppendResult,
  type Direction,
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
import { collect, newestEventPosition, PAGE_SIZE, readAllAfter, resumePoint } from './esdb-all-reads';
import {
  batchIds,
  expectationHolds,
  fromEsdbCurrentRevision,
  fromEsdbPosition,
  isSystemEvent,
  matchBatch,
  sealGuard,
  toClientConnectionString,
  toEventData,
  toRecordedEvent,
  toStoredRef,
  type StoredRef,
} from './esdb-mapping';
import { filterStreamEvents } from './read-filters';

export interface EsdbEventStoreOptions {
  /** How long ping() waits for the server before reporting it unreachable. */
  pingTimeoutMs?: number;
  /** How often an 'any' append re-reads the head and re-seals after losing a race to another process. */
  anyRetries?: number;
}

/**
 * EventStoreDB (or KurrentDB) through the official gRPC client (v6). The server enforces
 * expected revisions atomically; this adapter adds the hash chain, which needs the stream head
 * before each append, and hides system events.
 *
 * Idempotent re-appends are recognised where the batch can only be: at the tail of the stream
 * (any expectation) or right after the expected revision (exact / no_stream expectation). An
 * event id reused in another stream, or an 'any' re-append after other events were added, is
 * not detected: EventStoreDB has no lookup by event id, and scanning streams on every append is
 * not affordable. The local adapters refuse or accept those cases; this one writes them again.
 *
 * Needs EventStoreDB 22.6 or later (event positions on stream reads).
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
    if (expected !== 'any') return this.append(streamId, events, expected);
    // 'any' appends to one stream from this process would only race each other for the head.
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
        const found = matchBatch(ids, await this.readTail(streamId, ids.length));
        if (found.kind !== 'all') throw new PartialDuplicateAppendError(streamId);
        return toAppendResult(found.last);
      }
      if (expected !== 'any' && !expectationHolds(expected, head?.revision)) {
        const found = matchBatch(ids, await this.readWhereBatchWouldBe(streamId, expected, ids.length));
        if (found.kind === 'all') return toAppendResult(found.last);
        if (found.kind === 'partial') throw new PartialDuplicateAppendError(streamId);
        throw new ConcurrencyError(streamId, expected, head ? head.revision : 'no_stream');
      }
      const firstRevision = head ? head.revision + 1 : 0;
      const prevHash = head ? head.hash : GENESIS_HASH;
      const sealed = sealEvents(streamId, firstRevision, prevHash, events, new Date().toISOString());
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
      // With throwOnAppendFailure=false the client answers success: false with an unreliable
      // revision, so the head is read again.
      actual ??= (await this.readHead(streamId))?.revision ?? 'no_stream';
      throw new ConcurrencyError(streamId, expected, actual);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamId(streamId);
    if (options.toRevision !== undefined && options.toRevision < 0) return [];
    const from = Math.max(0, Math.floor(options.fromRevision ?? 0));
    const maxCount = options.toRevision === undefined ? undefined : Math.floor(options.toRevision) - from + 1;
    if (maxCount !== undefined && maxCount <= 0) return [];
    const start = from === 0 ? START : BigInt(from);
    const events = (await this.readStreamRaw(streamId, start, FORWARDS, maxCount)).map(toRecordedEvent);
    return filterStreamEvents(events, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? Infinity;
    if (wanted <= 0) return [];
    // One more than wanted: a page read from an event's own position starts with that event.
    const pageSize = Math.min(Math.max(wanted + 1, 2), PAGE_SIZE);
    const events: RecordedEvent[] = [];
    for await (const raw of readAllAfter(this.client, options.after ?? 0, pageSize)) {
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
      const start = await resumePoint(this.client, checkpoint);
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
        await live.unsubscribe().catch(noop);
      }
    };
    const done = run();
    done.catch(noop);
    const subscription: Subscription = {
      done,
      async stop() {
        stopped = true;
        // Wakes a loop waiting for the next live event; a running handler finishes first.
        live?.destroy();
        await done.catch(noop);
      },
    };
    this.subscriptions.add(subscription);
    const forget = () => this.subscriptions.delete(subscription);
    done.then(forget, forget);
    return subscription;
  }

  headPosition(): Promise<number> {
    return newestEventPosition(this.client);
  }

  /** The client gives reads an infinite deadline, so the timeout is ours. */
  async ping(): Promise<void> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        read.cancel().catch(noop);
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

  private async readHead(streamId: string): Promise<(StoredRef & { hash: string }) | undefined> {
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
    if (expected !== 'no_stream' && (!Number.isSafeInteger(expected) || expected < 0)) return [];
    const from = expected === 'no_stream' ? START : BigInt(expected + 1);
    return (await this.readStreamRaw(streamId, from, FORWARDS, count)).map(toStoredRef);
  }
}

function toAppendResult(last: StoredRef): AppendResult {
  return { nextExpectedRevision: last.revision, position: last.position };
}

function noop(): void {}

/** Jittered back-off, so that writers racing from several processes do not collide in lockstep. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
}
