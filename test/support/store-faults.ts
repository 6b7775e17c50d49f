import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '@app/eventsourcing';

/** Passes everything on to a real store; subclasses break one thing on purpose. */
export abstract class StoreWrapper implements EventStore {
  constructor(readonly inner: EventStore) {}
  get kind() {
    return this.inner.kind;
  }
  appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, events, expected);
  }
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }
  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    return this.inner.subscribeToAll(options, handler);
  }
  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }
  ping(): Promise<void> {
    return this.inner.ping();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/**
 * A store whose subscriptions fail as a dropped EventStoreDB connection does: `dropNext` ends the
 * next subscription at its next event; while `down`, every event ends its subscription and every
 * new subscription fails at once; `headFailures` makes that many head reads fail.
 */
export class FlakyStore extends StoreWrapper {
  dropNext = false;
  down = false;
  headFailures = 0;
  subscriptions = 0;

  override subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    this.subscriptions++;
    if (this.down) {
      const done = Promise.reject(new Error('the store is unreachable'));
      done.catch(() => undefined);
      return { done, stop: async () => undefined };
    }
    return this.inner.subscribeToAll(options, async (event, delivery) => {
      if (this.down || this.dropNext) {
        this.dropNext = false;
        throw new Error('the connection to the store was lost');
      }
      await handler(event, delivery);
    });
  }

  override headPosition(): Promise<number> {
    if (this.headFailures > 0) {
      this.headFailures--;
      return Promise.reject(new Error('the store is unreachable'));
    }
    return this.inner.headPosition();
  }
}

/**
 * Records the appends EventStoreDB would write twice. Its adapter recognises a repeated append
 * only at the stream's tail, or, with a numeric expected revision, right after that revision;
 * the memory store finds an event id anywhere and so hides the difference.
 */
export class EsdbIdempotenceWitness extends StoreWrapper {
  readonly duplicates: { streamId: string; type: string; eventId: string }[] = [];

  override async appendToStream(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const stream = await this.inner.readStream(streamId);
    const ids = events.map((e) => e.metadata.eventId);
    const stored = new Set(stream.map((e) => e.metadata.eventId));
    if (ids.some((id) => stored.has(id)) && !recognised(stream, ids, expected)) {
      for (const e of events)
        if (stored.has(e.metadata.eventId))
          this.duplicates.push({ streamId, type: e.type, eventId: e.metadata.eventId });
    }
    return this.inner.appendToStream(streamId, events, expected);
  }
}

function recognised(stream: RecordedEvent[], ids: string[], expected: ExpectedRevision): boolean {
  const idsAt = (from: number) => stream.slice(from, from + ids.length).map((e) => e.metadata.eventId);
  const same = (found: string[]) => found.length === ids.length && found.every((id, i) => id === ids[i]);
  if (same(idsAt(stream.length - ids.length))) return true;
  const head = stream.length - 1;
  return typeof expected === 'number' && expected !== head && same(idsAt(expected + 1));
}
