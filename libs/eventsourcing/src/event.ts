/** Who caused an event. Municipality actors carry their AGS. */
export interface Actor {
  subject: string;
  role: string;
  ags?: string;
}

/**
 * Envelope metadata stored with every event. `prevHash`/`hash` form a per-stream chain
 * (see hash-chain.ts); they are set by the store when the event is appended.
 */
export interface EventMetadata {
  eventId: string;
  schemaVersion: number;
  /** Business time: when the fact happened (e.g. when the council decided). */
  occurredAt: string;
  /** Storage time: when the store recorded it. */
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string;
  commandId?: string;
  prevHash: string;
  hash: string;
}

/** A domain event as deciders see it: a discriminated union member. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/** What a writer hands to the store: the event plus all metadata the store does not own. */
export interface NewEvent<E extends DomainEvent = DomainEvent> {
  type: E['type'];
  data: E['data'];
  metadata: Omit<EventMetadata, 'recordedAt' | 'prevHash' | 'hash'>;
}

/**
 * An event as read back from the store. `position` is the global position in `$all`.
 * Distributes over a union, so `switch (event.type)` narrows `data`.
 */
export type RecordedEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? {
      streamId: string;
      revision: number;
      position: number;
      type: E['type'];
      data: E['data'];
      metadata: EventMetadata;
    }
  : never;
