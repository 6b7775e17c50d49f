import type { NewEvent, RecordedEvent } from './event';

/**
 * - 'no_stream': the stream must not exist yet;
 * - 'any': no check;
 * - a number: the revision of the stream's last event (revisions start at 0).
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event written (or found, for an idempotent re-append). */
  nextExpectedRevision: number;
  /** Global position of the last event written. */
  position: number;
}

export interface ReadStreamOptions {
  /** Read from this revision on (inclusive): e.g. what was appended since a cached prefix. */
  fromRevision?: number;
  /** Read up to and including this revision. */
  toRevision?: number;
  /** Read only events recorded at or before this instant (ISO string). */
  toRecordedAt?: string;
}

export interface ReadAllOptions {
  /** Exclusive: return events with a position greater than this. Default: from the beginning. */
  after?: number;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the position of the last event already processed. */
  after?: number;
}

/** What a subscription tells a handler beside the event. */
export interface Delivery {
  /**
   * No further event is in hand: the page read from the store ends here. A handler that gathers
   * the effects of several events acts now, so that one commit carries them; events it is handed
   * with `false` are followed by more at once. Absent (an adapter that streams events one by one)
   * counts as true.
   */
  lastInHand: boolean;
}

export type EventHandler = (event: RecordedEvent, delivery?: Delivery) => Promise<void> | void;

export interface Subscription {
  /** Stops delivery; resolves once no handler call is running any more. */
  stop(): Promise<void>;
  /** Resolves (or rejects) when the subscription ends. A handler error ends it. */
  readonly done: Promise<void>;
  /**
   * Looks for new events now instead of at the next poll, if the subscription is waiting for
   * one (a store that pushes its events has nothing to do here). For a reader that must see
   * everything stored up to now, e.g. before a deadline fires.
   */
  poke?(): void;
}

/**
 * The port every adapter implements (EventStoreDB, SQLite, memory). The store is the only source
 * of truth: appends are atomic per call, ordered within a stream, and globally ordered by position.
 */
export interface EventStore {
  readonly kind: 'memory' | 'sqlite' | 'esdb';
  appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream in revision order; an empty array for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of all streams in global order (system events excluded). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription to all events after a checkpoint that continues live. */
  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription;
  /** Position of the newest event, or 0 for an empty store. */
  headPosition(): Promise<number>;
  /** A cheap liveness check for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
