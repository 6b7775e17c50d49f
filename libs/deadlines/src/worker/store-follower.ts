import type { EventStore, RecordedEvent, Subscription } from '@app/eventsourcing';

export type FollowerState = 'idle' | 'following' | 'reconnecting' | 'stopped';

export interface FollowerStatus {
  state: FollowerState;
  /** When the current state began (ISO, wall clock). */
  since: string;
  /** Position of the last event handled (acted on, not only folded in). */
  position: number;
  /** How often the subscription ended and was started again. */
  restarts: number;
  lastError?: { name: string; message: string; at: string };
  /** Since when (epoch ms) the event in hand is being handled: a handler that waits shows here. */
  busySince?: number;
}

export interface FollowerLog {
  error(message: string, error?: unknown): void;
}

/** Why a wait for the manager ended without it getting there: a firing must not go on blindly. */
export class NotFollowingTheStore extends Error {
  constructor(state: FollowerState, cause?: unknown) {
    super(
      state === 'stopped'
        ? 'the deadline manager has stopped'
        : `the deadline manager is not following the store (${state})`,
      { cause },
    );
    this.name = 'NotFollowingTheStore';
  }
}

interface Waiter {
  position: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/**
 * Follows `$all` for the deadline manager and keeps following: when the subscription fails or
 * ends (store away, a connection dropped), it starts again from the last position handled, with
 * backoff. Waits for a position are rejected while it does not follow, never resolved blindly.
 * The handler is expected not to throw (the manager isolates each event); if it does, that counts
 * as a failure of the subscription and the event is tried again.
 */
export class StoreFollower {
  position = 0;
  private state: FollowerState = 'idle';
  private since = new Date();
  private restarts = 0;
  private lastError?: FollowerStatus['lastError'];
  private subscription?: Subscription;
  private loop?: Promise<void>;
  private waiters: Waiter[] = [];
  private cancelPause?: () => void;
  private busySince?: number;

  constructor(
    private readonly store: EventStore,
    /** `lastInHand`: no further event is in hand (see Delivery); the event is handled once this resolves. */
    private readonly handle: (event: RecordedEvent, lastInHand: boolean) => Promise<void>,
    private readonly log: FollowerLog,
    private readonly retryMs = { first: FIRST_RETRY_MS, max: MAX_RETRY_MS },
  ) {}

  /** Starts following (once; a call while it follows or retries changes nothing). */
  follow(): void {
    if (this.loop) return;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.enter('stopped');
    this.cancelPause?.();
    await this.subscription?.stop();
    await this.loop;
    this.rejectWaiters(new NotFollowingTheStore('stopped'));
  }

  status(): FollowerStatus {
    return {
      state: this.state,
      since: this.since.toISOString(),
      position: this.position,
      restarts: this.restarts,
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(this.busySince !== undefined ? { busySince: this.busySince } : {}),
    };
  }

  /** Resolves once `position` is handled; rejects at once, or later, if the follower is not following. */
  waitFor(position: number): Promise<void> {
    if (position <= this.position) return Promise.resolve();
    if (this.state !== 'following') return Promise.reject(new NotFollowingTheStore(this.state));
    // Another process's appends are seen at the next poll; a firing waiting here looks now.
    this.subscription?.poke?.();
    return new Promise((resolve, reject) => this.waiters.push({ position, resolve, reject }));
  }

  private async run(): Promise<void> {
    let delay = this.retryMs.first;
    while (this.state !== 'stopped') {
      this.enter('following');
      let failure: unknown;
      const subscription = this.store.subscribeToAll({ after: this.position }, async (event, delivery) => {
        const lastInHand = delivery?.lastInHand ?? true;
        this.busySince = Date.now();
        try {
          await this.handle(event, lastInHand);
        } finally {
          this.busySince = undefined;
        }
        // The handler may gather the events of a page and act on the last: only then is a position
        // handled (and a restart begins after the last one acted on).
        if (!lastInHand) return;
        this.position = event.position;
        delay = this.retryMs.first;
        this.wake();
      });
      this.subscription = subscription;
      try {
        await subscription.done;
        failure = new Error('the subscription to the store ended');
      } catch (error) {
        failure = error;
      }
      if ((this.state as FollowerState) === 'stopped') return;
      this.restarts++;
      this.lastError = {
        name: failure instanceof Error ? failure.name : 'Error',
        message: failure instanceof Error ? failure.message : String(failure),
        at: new Date().toISOString(),
      };
      this.enter('reconnecting');
      this.log.error(
        `the deadline manager stopped following the store at position ${this.position}; following again in ${delay} ms`,
        failure,
      );
      this.rejectWaiters(new NotFollowingTheStore('reconnecting', failure));
      await this.pause(delay);
      delay = Math.min(delay * 2, this.retryMs.max);
    }
  }

  private enter(state: FollowerState): void {
    if (this.state === state) return;
    this.state = state;
    this.since = new Date();
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

  private wake(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= this.position);
    this.waiters = this.waiters.filter((w) => w.position > this.position);
    for (const w of ready) w.resolve();
  }

  private rejectWaiters(error: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(error);
  }
}
