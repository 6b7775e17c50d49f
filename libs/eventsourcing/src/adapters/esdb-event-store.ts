import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  START,
  type AllStreamSubscription,
} from '@eventstore/db-client';
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
import { assertValidStreamId } from '../stream-name';
import { newestEventPosition, PAGE_SIZE, readAllAfter, resumePoint } from './esdb-all-reads';
import { EsdbAppender } from './esdb-append';
import { isSystemEvent, toClientConnectionString, toRecordedEvent } from './esdb-mapping';
import { EsdbReader, onLeader, translateEsdbError } from './esdb-reader';
import { filterStreamEvents } from './read-filters';

export interface EsdbEventStoreOptions {
  /** How long ping() waits for the server before reporting it unreachable. */
  pingTimeoutMs?: number;
  /** How long a read may go without an answer from the server before it fails (503). */
  readTimeoutMs?: number;
  /** How long an append may wait for the server's answer before it fails (503). */
  appendTimeoutMs?: number;
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
 * In a cluster, stream reads and appends go to the leader (`requiresLeader`): a follower may
 * serve a stale head, and an append is sealed against the head it read. After an election the
 * old leader refuses with NotLeaderError naming the new one; the client moves there and the
 * adapter tries once more. Client v6 gives reads no deadline, so every read here has one
 * (`readTimeoutMs` without an answer), and so has an append. A fault of the server or the
 * connection surfaces as StoreUnavailableError, an append over the server's MaxAppendSize as
 * EventTooLargeError.
 *
 * Needs event positions on stream reads (servers newer than 22.6); an event read without one is
 * named in the error.
 */
export class EsdbEventStore implements EventStore {
  readonly kind = 'esdb' as const;
  private readonly client: EventStoreDBClient;
  private readonly reader: EsdbReader;
  private readonly appender: EsdbAppender;
  private readonly subscriptions = new Set<Subscription>();
  private readonly anyQueues = new Map<string, Promise<void>>();
  private readonly pingTimeoutMs: number;
  private closed = false;

  constructor(connectionString: string, options: EsdbEventStoreOptions = {}) {
    this.client = EventStoreDBClient.connectionString(toClientConnectionString(connectionString));
    this.reader = new EsdbReader(this.client, options.readTimeoutMs ?? 10_000);
    this.pingTimeoutMs = options.pingTimeoutMs ?? 3000;
    this.appender = new EsdbAppender(this.client, this.reader, {
      timeoutMs: options.appendTimeoutMs ?? 15_000,
      anyRetries: options.anyRetries ?? 8,
    });
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidStreamId(streamId);
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    if (this.closed) throw new Error('the event store is closed');
    if (expected !== 'any') return this.appendOnLeader(streamId, events, expected);
    // 'any' appends to one stream from this process would only race each other for the head.
    const run = (this.anyQueues.get(streamId) ?? Promise.resolve()).then(() =>
      this.appendOnLeader(streamId, events, expected),
    );
    const tail = run.then(noop, noop);
    this.anyQueues.set(streamId, tail);
    void tail.then(() => this.anyQueues.get(streamId) === tail && this.anyQueues.delete(streamId));
    return run;
  }

  /**
   * The whole attempt, reads included, runs again once after NotLeaderError: the seal depends on
   * the head, which must be read again on the new leader. A refused append wrote nothing.
   */
  private async appendOnLeader(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    try {
      return await onLeader(() => this.appender.append(streamId, events, expected));
    } catch (error) {
      throw translateEsdbError(error, streamId);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamId(streamId);
    if (options.toRevision !== undefined && options.toRevision < 0) return [];
    const from = Math.max(0, Math.floor(options.fromRevision ?? 0));
    const maxCount = options.toRevision === undefined ? undefined : Math.floor(options.toRevision) - from + 1;
    if (maxCount !== undefined && maxCount <= 0) return [];
    const start = from === 0 ? START : BigInt(from);
    try {
      const raw = await onLeader(() => this.reader.streamPage(streamId, start, FORWARDS, maxCount));
      return filterStreamEvents(raw.map(toRecordedEvent), options);
    } catch (error) {
      throw translateEsdbError(error, streamId);
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? Infinity;
    if (wanted <= 0) return [];
    // One more than wanted: a page read from an event's own position starts with that event.
    const pageSize = Math.min(Math.max(wanted + 1, 2), PAGE_SIZE);
    const events: RecordedEvent[] = [];
    try {
      for await (const raw of readAllAfter(this.reader, options.after ?? 0, pageSize)) {
        if (isSystemEvent(raw)) continue;
        events.push(toRecordedEvent(raw));
        if (events.length >= wanted) break;
      }
    } catch (error) {
      throw translateEsdbError(error);
    }
    return events;
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    let stopped = false;
    let live: AllStreamSubscription | undefined;
    const run = async (): Promise<void> => {
      let checkpoint = options.after ?? 0;
      const start = await resumePoint(this.reader, checkpoint);
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
    // A dropped subscription (server restart, "consumer too slow") says why, as the other calls do;
    // a handler's own error passes unchanged.
    const done = run().catch((error: unknown) => {
      throw translateEsdbError(error);
    });
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

  async headPosition(): Promise<number> {
    try {
      return await newestEventPosition(this.reader);
    } catch (error) {
      throw translateEsdbError(error);
    }
  }

  /** One read of the newest record, within `pingTimeoutMs`; a read cut off is cancelled and freed. */
  async ping(): Promise<void> {
    const reader = new EsdbReader(this.client, this.pingTimeoutMs);
    try {
      await reader.allPage(END, 1, BACKWARDS);
    } catch (error) {
      throw translateEsdbError(error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }
}

function noop(): void {}
