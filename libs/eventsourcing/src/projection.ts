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

/** How the read models follow the store: `reconnecting` after a dropped subscription, `failed` for good. */
export type ProjectionRunnerState = 'idle' | 'following' | 'reconnecting' | 'failed' | 'stopped';

export interface ProjectionRunnerStatus {
  state: ProjectionRunnerState;
  /** Position of the last event applied. */
  position: number;
  /** How often the subscription ended and was started again. */
  restarts: number;
  /** Why the subscription last ended (name and message only). */
  lastError?: { name: string; message: string; at: string };
}

export interface ProjectionRunnerOptions {
  /** Back-off between subscription attempts, doubling from `first` up to `max`. */
  retryMs?: { first: number; max: number };
  /** Told of every dropped subscription, before the next attempt. */
  onDrop?: (error: unknown, retryInMs: number) => void;
}

/** A read model's `apply` threw: the fold itself is wrong, and following on would only repeat it. */
class ProjectionFailed extends Error {
  constructor(projection: string, cause: unknown) {
    super(`Projection ${projection} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'ProjectionFailed';
  }
}

/**
 * Keeps in-memory read models caught up with the store through a catch-up subscription, and
 * keeps following: when the subscription ends (a server restart, a network blip, "consumer too
 * slow"), it subscribes again from the last position applied, with back-off. Only a read
 * model's own error stops it for good. `waitFor(position)` lets a command answer only after its
 * own events are visible to queries.
 */
export class ProjectionRunner {
  private readonly states = new Map<string, unknown>();
  private readonly projections: Projection<unknown>[] = [];
  private routes?: { registered: number; to: (type: string) => readonly Projection<unknown>[] };
  private subscription?: Subscription;
  private following?: Promise<void>;
  private waiters: Waiter[] = [];
  private failure?: unknown;
  private runState: ProjectionRunnerState = 'idle';
  private restarts = 0;
  private lastError?: ProjectionRunnerStatus['lastError'];
  private cancelPause?: () => void;
  private readonly retryMs: { first: number; max: number };
  position = 0;

  /** Why the read models stopped following the store for good, if they did. */
  get failed(): Error | undefined {
    if (this.failure === undefined) return undefined;
    return this.failure instanceof Error ? this.failure : new Error(String(this.failure));
  }

  constructor(
    private readonly store: EventStore,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.retryMs = options.retryMs ?? { first: 500, max: 30_000 };
  }

  register<S>(projection: Projection<S>): void {
    if (this.following) throw new Error(`Projection ${projection.name} registered after start`);
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

  status(): ProjectionRunnerStatus {
    return {
      state: this.runState,
      position: this.position,
      restarts: this.restarts,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /**
   * Catches up from the beginning of the store, then continues live. Resolves once caught up
   * (a subscription dropped meanwhile is started again). With no projection registered there is
   * nothing to follow, and it does not subscribe.
   */
  async start(): Promise<void> {
    if (this.projections.length === 0) return;
    const head = await this.store.headPosition();
    this.following = this.follow();
    await this.waitFor(head, 0);
    if (this.failure) throw this.failure;
  }

  private async follow(): Promise<void> {
    let delay = this.retryMs.first;
    while (this.runState !== 'stopped') {
      const from = this.position;
      this.runState = 'following';
      this.subscription = this.store.subscribeToAll({ after: from }, (event) => this.apply(event));
      let ended: unknown;
      try {
        await this.subscription.done;
        ended = new Error('the subscription to the store ended');
      } catch (error) {
        ended = error;
      }
      if ((this.runState as ProjectionRunnerState) === 'stopped') return;
      if (ended instanceof ProjectionFailed) {
        this.failure = ended;
        this.runState = 'failed';
        this.releaseAll();
        return;
      }
      // Events flowed since the last attempt: the store is back, so the next drop starts short again.
      if (this.position > from) delay = this.retryMs.first;
      this.restarts++;
      this.lastError = {
        name: ended instanceof Error ? ended.name : 'Error',
        message: ended instanceof Error ? ended.message : String(ended),
        at: new Date().toISOString(),
      };
      this.runState = 'reconnecting';
      this.options.onDrop?.(ended, delay);
      await this.pause(delay);
      delay = Math.min(delay * 2, this.retryMs.max);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.cancelPause = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private apply(event: RecordedEvent): void {
    // At-least-once delivery must not count an event twice.
    if (event.position <= this.position) return;
    // Worked out again whenever the list of read models has changed since.
    if (this.routes?.registered !== this.projections.length) {
      this.routes = { registered: this.projections.length, to: projectionRoutes([...this.projections]) };
    }
    for (const projection of this.routes.to(event.type)) {
      let next: unknown;
      try {
        next = projection.apply(this.states.get(projection.name), event);
      } catch (error) {
        throw new ProjectionFailed(projection.name, error);
      }
      this.states.set(projection.name, next);
    }
    this.position = event.position;
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= this.position);
    this.waiters = this.waiters.filter((w) => w.position > this.position);
    for (const w of ready) w.resolve(true);
  }

  /**
   * Resolves once events up to `position` are applied. A timeout of 0 waits without limit;
   * otherwise it resolves false after the timeout, and the caller answers anyway. While the
   * subscription is being started again, a wait goes on: it resolves when the events arrive.
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

  /** Wakes every waiter with "not caught up" (the runner failed or stopped). */
  private releaseAll(): void {
    for (const w of this.waiters) w.resolve(false);
    this.waiters = [];
  }

  async stop(): Promise<void> {
    this.runState = 'stopped';
    this.cancelPause?.();
    await this.subscription?.stop();
    await this.following;
    this.releaseAll();
  }
}
