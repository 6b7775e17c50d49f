import type { RecordedEvent } from './event';
import type { EventStore, Subscription } from './event-store';
import type { ReadModelSnapshots } from './read-model-snapshots';

/**
 * A read model: a fold over `$all`. `apply` has no I/O and ignores events it does not know; it may
 * update the state it is given in place (read models grow large) but must return it, and the
 * same events in the same order must always give the same state, so a rebuild equals the live one.
 */
export interface Projection<S> {
  readonly name: string;
  /**
   * Raised when what `apply` builds changes in a way a persisted snapshot of the state must not
   * outlive (default 1). Snapshots are also dropped whenever the application's code changes at all
   * (see ReadModelSnapshots), so this is a second, explicit guard.
   */
  readonly version?: number;
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
  /**
   * Persisted read models: `start` loads the snapshot (if valid) and catches up from its position;
   * a new one is written every `everyEvents` events (checked every `checkMs`), after `maxAgeMs`
   * if anything was applied since, never sooner than `minIntervalMs` after the last, and at `stop`.
   */
  snapshots?: {
    store: ReadModelSnapshots;
    everyEvents?: number;
    maxAgeMs?: number;
    /** Never sooner than this after the last one: serialising blocks the thread (default 0). */
    minIntervalMs?: number;
    checkMs?: number;
  };
  /** Told what the snapshots did (written, failed). */
  log?: (level: 'info' | 'warn', message: string) => void;
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
  /** The event at `position` and the store's first: what a snapshot records to recognise the store. */
  private mark?: { eventId: string; hash: string; firstEventId: string };
  private snapshotSaved = { position: 0, at: Date.now() };
  private snapshotTimer?: NodeJS.Timeout;
  private snapshotWriting?: Promise<void>;

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
    await this.loadSnapshot();
    const head = await this.store.headPosition();
    this.following = this.follow();
    await this.waitFor(head, 0);
    if (this.failure) throw this.failure;
    const snapshots = this.options.snapshots;
    if (snapshots) {
      this.snapshotTimer = setInterval(() => this.maybeSnapshot(), snapshots.checkMs ?? 30_000);
      this.snapshotTimer.unref();
    }
  }

  /** Takes the snapshot's states and position if it is valid; otherwise the models start empty. */
  private async loadSnapshot(): Promise<void> {
    const snapshots = this.options.snapshots?.store;
    if (!snapshots) return;
    let loaded;
    try {
      loaded = await snapshots.load(this.store, this.projections);
    } catch (error) {
      // The store could not be asked (it is down): the subscription will say so; start cold.
      this.options.log?.('warn', `read-model snapshot not used: ${(error as Error).message}`);
    }
    if (!loaded) return;
    for (const [name, state] of loaded.states) this.states.set(name, state);
    this.position = loaded.position;
    this.snapshotSaved = { position: loaded.position, at: Date.now() };
    const { eventId, hash, firstEventId } = loaded.mark;
    this.mark = { eventId, hash, firstEventId };
  }

  /** A snapshot when enough was applied since the last one, or it is old and anything was. */
  private maybeSnapshot(): void {
    const options = this.options.snapshots;
    if (!options || this.snapshotWriting) return;
    const since = this.position - this.snapshotSaved.position;
    const age = Date.now() - this.snapshotSaved.at;
    if (since === 0 || age < (options.minIntervalMs ?? 0)) return;
    if (since >= (options.everyEvents ?? 10_000) || (since > 0 && age >= (options.maxAgeMs ?? 600_000))) {
      void this.snapshot();
    }
  }

  /**
   * Writes a snapshot of every read model at the current position, unless nothing was applied
   * since the last one or the read models failed. Never throws: a failed write is logged, and the
   * read models go on as they are.
   */
  async snapshot(): Promise<void> {
    const options = this.options.snapshots;
    if (this.snapshotWriting) await this.snapshotWriting;
    if (!options || !this.mark || this.failure || this.position <= this.snapshotSaved.position) return;
    const position = this.position;
    const { firstEventId, ...event } = this.mark;
    const log = this.options.log;
    let written;
    try {
      // Synchronous: no event is applied while the states are serialised.
      written = options.store.write(this.projections, this.states, { position, ...event }, firstEventId);
    } catch (error) {
      log?.('warn', `read-model snapshot at position ${position} not written: ${(error as Error).message}`);
      this.snapshotSaved = { position: this.snapshotSaved.position, at: Date.now() };
      return;
    }
    const { serializeMs, done } = written;
    const started = Date.now();
    this.snapshotWriting = done.then(
      (bytes) => {
        this.snapshotSaved = { position, at: Date.now() };
        log?.(
          'info',
          `read-model snapshot written at position ${position}: ${(bytes / 1e6).toFixed(1)} MB, ` +
            `serialised in ${serializeMs} ms (blocking), written in ${Date.now() - started} ms`,
        );
      },
      (error: unknown) => {
        // Tried again at the next check after maxAgeMs, not at once: a full disk stays full a while.
        this.snapshotSaved = { position: this.snapshotSaved.position, at: Date.now() };
        log?.('warn', `read-model snapshot at position ${position} not written: ${(error as Error).message}`);
      },
    );
    await this.snapshotWriting;
    this.snapshotWriting = undefined;
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
    if (this.options.snapshots) {
      const { eventId, hash } = event.metadata;
      this.mark = { eventId, hash, firstEventId: this.mark?.firstEventId ?? eventId };
    }
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

  /** Stops following; with snapshots on, writes one first if anything was applied since the last. */
  async stop(): Promise<void> {
    this.runState = 'stopped';
    clearInterval(this.snapshotTimer);
    this.cancelPause?.();
    await this.subscription?.stop();
    await this.following;
    this.releaseAll();
    if (this.options.snapshots && this.following) await this.snapshot();
  }
}
