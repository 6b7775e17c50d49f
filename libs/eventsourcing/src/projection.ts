import type { RecordedEvent } from './event';
import type { EventStore, Subscription } from './event-store';

/**
 * A read model: a fold over `$all`. `apply` has no I/O and ignores events it does not know; it may
 * update the state it is given in place (read models grow large) but must return it, and the
 * same events in the same order must always give the same state, so a rebuild equals the live one.
 */
export interface Projection<S> {
  readonly name: string;
  /**
   * Every event type `apply` reacts to, if the projection names them: it is then handed only
   * those (a replay of a million events calls it for its own few). Any type `apply` handles must
   * be listed; absent, it is handed every event.
   */
  readonly eventTypes?: readonly string[];
  initialState(): S;
  apply(state: S, event: RecordedEvent): S;
}

/** Whether a projection wants events of a type (see `Projection.eventTypes`). */
export function handles(projection: Projection<unknown>, type: string): boolean {
  return projection.eventTypes === undefined || projection.eventTypes.includes(type);
}

/**
 * The projections (or entries holding one), of a fixed list, that want each event type: worked
 * out once per type, so that routing an event costs one lookup however many read models there are.
 */
export function projectionRoutes<T>(
  items: readonly T[],
  projectionOf: (item: T) => Projection<unknown> = (item) => item as Projection<unknown>,
): (type: string) => readonly T[] {
  const routes = new Map<string, T[]>();
  return (type) => {
    let route = routes.get(type);
    if (!route) {
      route = items.filter((item) => handles(projectionOf(item), type));
      routes.set(type, route);
    }
    return route;
  };
}

/** Folds a list of events through a projection from scratch: the rebuild path. */
export function rebuild<S>(projection: Projection<S>, events: Iterable<RecordedEvent>): S {
  let state = projection.initialState();
  for (const event of events) {
    if (handles(projection as Projection<unknown>, event.type)) state = projection.apply(state, event);
  }
  return state;
}

interface Waiter {
  position: number;
  resolve: (caughtUp: boolean) => void;
}

/**
 * Keeps in-memory read models caught up with the store through one catch-up subscription.
 * `waitFor(position)` lets a command answer only after its own events are visible to queries.
 */
export class ProjectionRunner {
  private readonly states = new Map<string, unknown>();
  private readonly projections: Projection<unknown>[] = [];
  private routes?: { registered: number; to: (type: string) => readonly Projection<unknown>[] };
  private subscription?: Subscription;
  private waiters: Waiter[] = [];
  private failure?: unknown;
  position = 0;

  /** Why the read models stopped following the store, if they did. */
  get failed(): Error | undefined {
    if (this.failure === undefined) return undefined;
    return this.failure instanceof Error ? this.failure : new Error(String(this.failure));
  }

  constructor(private readonly store: EventStore) {}

  register<S>(projection: Projection<S>): void {
    if (this.subscription) throw new Error(`Projection ${projection.name} registered after start`);
    if (this.states.has(projection.name)) return;
    this.projections.push(projection as Projection<unknown>);
    this.states.set(projection.name, projection.initialState());
  }

  /** Every registered read model, in registration order: what a replay or an as-of rebuild folds. */
  registered(): readonly Projection<unknown>[] {
    return [...this.projections];
  }

  state<S>(projection: Projection<S>): S {
    if (!this.states.has(projection.name)) throw new Error(`Projection ${projection.name} is not registered`);
    return this.states.get(projection.name) as S;
  }

  /**
   * Catches up from the beginning of the store, then continues live. Resolves once caught up.
   * With no projection registered there is nothing to follow, and it does not subscribe.
   */
  async start(): Promise<void> {
    if (this.projections.length === 0) return;
    const head = await this.store.headPosition();
    this.subscription = this.store.subscribeToAll({ after: this.position }, (event) => this.apply(event));
    this.subscription.done.catch((error: unknown) => {
      this.failure = error;
      this.releaseAll();
    });
    await this.waitFor(head, 0);
    if (this.failure) throw this.failure;
  }

  private apply(event: RecordedEvent): void {
    // At-least-once delivery must not count an event twice.
    if (event.position <= this.position) return;
    // Worked out again whenever the list of read models has changed since.
    if (this.routes?.registered !== this.projections.length) {
      this.routes = { registered: this.projections.length, to: projectionRoutes([...this.projections]) };
    }
    for (const projection of this.routes.to(event.type)) {
      this.states.set(projection.name, projection.apply(this.states.get(projection.name), event));
    }
    this.position = event.position;
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= this.position);
    this.waiters = this.waiters.filter((w) => w.position > this.position);
    for (const w of ready) w.resolve(true);
  }

  /**
   * Resolves once events up to `position` are applied. A timeout of 0 waits without limit;
   * otherwise it resolves false after the timeout, and the caller answers anyway.
   */
  waitFor(position: number, timeoutMs = 5000): Promise<boolean> {
    if (this.failure) return Promise.reject(this.failure);
    if (position <= this.position) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = { position, resolve };
      this.waiters.push(waiter);
      if (timeoutMs > 0) {
        setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(false);
        }, timeoutMs).unref();
      }
    });
  }

  /** Wakes every waiter with "not caught up" (the subscription ended or failed). */
  private releaseAll(): void {
    for (const w of this.waiters) w.resolve(false);
    this.waiters = [];
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.releaseAll();
  }
}
