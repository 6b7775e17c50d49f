import type { NewEvent, RecordedEvent } from './event';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './event-store';

/** The schema version of an event type that never changed shape. */
export const FIRST_SCHEMA_VERSION = 1;

/**
 * Turns the data of one event type from schema version `fromVersion` into `fromVersion + 1`.
 * History is never rewritten: old events stay as they were stored (their hashes cover those
 * bytes) and are brought to today's shape every time they are read.
 */
export interface Upcaster<From = unknown, To = unknown> {
  readonly type: string;
  readonly fromVersion: number;
  /**
   * A type renamed: the step's result is schema version 1 of `toType` (whose own upcasters then
   * apply), and the old type is never written again. The stored type, like the stored data, stays.
   */
  readonly toType?: string;
  upcast(data: From, event: RecordedEvent): To;
}

/** Far more steps than any type's history: a longer walk is a loop of renames. */
const MAX_STEPS = 100;

/** All upcasters of a process; knows each event type's current schema version. */
export class UpcasterRegistry {
  private readonly byType = new Map<string, Map<number, Upcaster>>();

  register(...upcasters: Upcaster[]): this {
    for (const upcaster of upcasters) {
      const steps = this.byType.get(upcaster.type) ?? new Map<number, Upcaster>();
      const known = steps.get(upcaster.fromVersion);
      if (known === upcaster) continue;
      if (known) {
        throw new Error(`Two upcasters for ${upcaster.type} from schema version ${upcaster.fromVersion}`);
      }
      steps.set(upcaster.fromVersion, upcaster);
      this.byType.set(upcaster.type, steps);
    }
    return this;
  }

  /** The version today's code writes: one past the newest upcaster, or 1 for an unchanged type. */
  currentVersion(type: string): number {
    const steps = this.byType.get(type);
    if (!steps) return FIRST_SCHEMA_VERSION;
    return Math.max(...steps.keys()) + 1;
  }

  /** Every step, one line each (`type@fromVersion[>toType]`), sorted: what persisted read models depend on. */
  describe(): string[] {
    return [...this.byType.values()]
      .flatMap((steps) => [...steps.values()])
      .map((u) => `upcaster ${u.type}@${u.fromVersion}${u.toType ? `>${u.toType}` : ''}`)
      .sort();
  }

  /** Whether some event type has changed shape at all (`currentVersion` > 1). */
  knows(type: string): boolean {
    return this.byType.has(type);
  }

  /**
   * The event in today's shape, with `metadata.schemaVersion` saying so. An event already
   * current is returned as it is (no copy): reading stays cheap for the many unchanged types.
   * The hash in the metadata still covers the stored form, so chains are verified on raw reads.
   */
  upcast<E extends RecordedEvent>(event: E): E {
    if (!this.byType.has(event.type)) return event;
    let type = event.type;
    let version = event.metadata.schemaVersion ?? FIRST_SCHEMA_VERSION;
    let data = event.data;
    for (let n = 0, step = this.byType.get(type)?.get(version); step; n++) {
      if (n === MAX_STEPS) throw new Error(`The upcasters of ${event.type} rename it in a loop`);
      data = step.upcast(data, event);
      if (step.toType) {
        type = step.toType;
        version = FIRST_SCHEMA_VERSION;
      } else version++;
      step = this.byType.get(type)?.get(version);
    }
    if (data === event.data && type === event.type) return event;
    return { ...event, type, data, metadata: { ...event.metadata, schemaVersion: version } } as E;
  }
}

/**
 * The store every reader in the application uses: events come out upcast to today's shape, and
 * new events go in stamped with their type's current schema version (today's code writes today's
 * shape). Verification and export read `inner`, the events exactly as stored and hashed.
 */
export class UpcastingEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    readonly upcasters: UpcasterRegistry,
  ) {}

  get kind(): EventStore['kind'] {
    return this.inner.kind;
  }

  appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, events.map(this.stamp), expected);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(streamId, options)).map((e) => this.upcasters.upcast(e));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(options)).map((e) => this.upcasters.upcast(e));
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    return this.inner.subscribeToAll(options, (event, delivery) =>
      handler(this.upcasters.upcast(event), delivery),
    );
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

  private readonly stamp = (event: NewEvent): NewEvent =>
    this.upcasters.knows(event.type)
      ? {
          ...event,
          metadata: { ...event.metadata, schemaVersion: this.upcasters.currentVersion(event.type) },
        }
      : event;
}

/** The events as stored, whatever decorators the application wrapped around the store. */
export function storedEvents(store: EventStore): EventStore {
  return store instanceof UpcastingEventStore ? storedEvents(store.inner) : store;
}
