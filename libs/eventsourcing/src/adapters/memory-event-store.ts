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
import { sealEvents } from '../hash-chain';
import { assertValidStreamId } from '../stream-name';
import { planAppend, type StoredEventRef } from './append-rules';
import { AppendSignal, catchUpSubscription, track } from './catch-up-subscription';
import { filterStreamEvents } from './read-filters';

/** For tests and throw-away runs: the same contract as the durable adapters, kept in memory. */
export class MemoryEventStore implements EventStore {
  readonly kind = 'memory' as const;
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byEventId = new Map<string, StoredEventRef>();
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidStreamId(streamId);
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    const stream = this.streams.get(streamId);
    const last = stream?.[stream.length - 1];
    const plan = planAppend(
      streamId,
      events,
      expected,
      last ? { revision: last.revision, hash: last.metadata.hash } : undefined,
      (id) => this.byEventId.get(id),
    );
    if (plan.kind === 'already-appended') return plan.result;
    const sealed = sealEvents(streamId, plan.firstRevision, plan.prevHash, events, new Date().toISOString());
    const target = stream ?? [];
    sealed.forEach((event, index) => {
      const recorded: RecordedEvent = {
        streamId,
        revision: plan.firstRevision + index,
        position: this.all.length + 1,
        ...event,
      };
      this.all.push(recorded);
      target.push(recorded);
      this.byEventId.set(recorded.metadata.eventId, recorded);
    });
    this.streams.set(streamId, target);
    this.signal.notify();
    const tail = target[target.length - 1];
    return { nextExpectedRevision: tail.revision, position: tail.position };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamId(streamId);
    return filterStreamEvents(this.streams.get(streamId) ?? [], options).map((e) => structuredClone(e));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const start = Math.max(0, options.after ?? 0);
    const end = options.maxCount === undefined ? undefined : start + options.maxCount;
    return this.all.slice(start, end).map((e) => structuredClone(e));
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    const subscription = catchUpSubscription(
      {
        readPage: (after, maxCount) => this.readAll({ after, maxCount }),
        signal: this.signal,
        pollIntervalMs: 1000,
      },
      options.after ?? 0,
      handler,
    );
    return track(this.subscriptions, subscription);
  }

  async headPosition(): Promise<number> {
    return this.all.length;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }
}
