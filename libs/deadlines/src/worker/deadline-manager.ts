import type { EventStore, RecordedEvent, Subscription } from '@app/eventsourcing';
import type { BusinessCalendar } from '@app/shared';
import type { DeadlineEvent, KnownDeadline } from '../deadline';
import {
  applyToDerivation,
  type DerivationState,
  effectFor,
  initialDerivationState,
  outstandingDeadlineIds,
} from '../derivation/deadline-derivation';
import { allFiringsFor } from '../firings';
import type { DeadlineRecorder } from './deadline-recorder';
import type { DeadlineScheduler } from './deadline-scheduler';

export interface ManagerLog {
  error(message: string, error?: unknown): void;
}

interface Waiter {
  position: number;
  resolve: () => void;
}

/** How many effects reconciliation runs at once (appends share a commit in the SQLite store). */
const PARALLEL_EFFECTS = 32;

/**
 * The deadline process manager. Follows `$all` from the beginning and keeps the derivation in
 * memory; once caught up it opens the deadlines the history calls for, records fulfilments, and
 * keeps the queue in line with each deadline's stream. Everything it writes is derived from its
 * cause, so a replay, a restart or a second instance changes nothing.
 */
export class DeadlineManager {
  readonly state: DerivationState = initialDerivationState();
  position = 0;
  private startHead = 0;
  private subscription?: Subscription;
  private waiters: Waiter[] = [];
  private failure?: unknown;

  constructor(
    private readonly store: EventStore,
    private readonly calendar: BusinessCalendar,
    private readonly recorder: DeadlineRecorder,
    private readonly scheduler: DeadlineScheduler,
    private readonly log: ManagerLog,
  ) {}

  /** Catches up with the store; resolves once every event written before the start is folded in. */
  async start(): Promise<void> {
    this.startHead = await this.store.headPosition();
    this.subscription = this.store.subscribeToAll({ after: 0 }, (event) => this.handle(event));
    this.subscription.done.catch((error: unknown) => {
      this.failure = error;
      this.log.error('the deadline manager stopped following the store', error);
      this.release();
    });
    await this.waitFor(this.startHead);
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.release();
  }

  /** Open deadlines as the store tells them now. */
  openDeadlines(): KnownDeadline[] {
    return [...this.state.deadlines.values()].filter((d) => d.status === 'open');
  }

  /**
   * Resolves once everything stored up to now has been folded in and acted on: a due firing waits
   * for it, so that a fulfilment stored just before the moment is not taken for a miss.
   */
  async caughtUp(timeoutMs = 10_000): Promise<void> {
    const head = await this.store.headPosition();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.waitFor(head),
      new Promise<void>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the deadline manager did not reach ${head} in time`)),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
  }

  /**
   * Brings the store and the queue in line with the history: opens and meets what is outstanding,
   * then gives every open deadline its jobs. Run at start and periodically.
   */
  async reconcile(): Promise<{ effects: number; jobs: number; retried: number }> {
    const outstanding = outstandingDeadlineIds(this.state);
    let effects = 0;
    for (let i = 0; i < outstanding.length; i += PARALLEL_EFFECTS) {
      const done = await Promise.all(outstanding.slice(i, i + PARALLEL_EFFECTS).map((id) => this.act(id)));
      effects += done.filter(Boolean).length;
    }
    const { jobs, retried } = await this.scheduler.reconcile(this.openDeadlines());
    return { effects, jobs, retried };
  }

  private async handle(event: RecordedEvent): Promise<void> {
    if (event.position <= this.position) return;
    const before = this.dueMomentBefore(event);
    const ids = applyToDerivation(this.state, event, this.calendar);
    // Events up to the start were folded only; reconciliation acts on all of them at once.
    if (event.position > this.startHead) {
      for (const id of ids) {
        await this.act(id).catch((error: unknown) => this.log.error(`deadline ${id}: effect failed`, error));
        await this.keepQueueInLine(id, event, before).catch((error: unknown) =>
          this.log.error(`deadline ${id}: queue update failed`, error),
        );
      }
    }
    this.position = event.position;
    this.wake();
  }

  private async act(deadlineId: string): Promise<boolean> {
    const effect = effectFor(this.state, deadlineId);
    if (!effect) return false;
    if (effect.kind === 'open') return this.recorder.open(effect.opened);
    return this.recorder.meet(effect.deadlineId, effect.fulfilment);
  }

  private dueMomentBefore(event: RecordedEvent): KnownDeadline | undefined {
    if (event.type !== 'DeadlineExtended') return undefined;
    const known = this.state.deadlines.get((event as unknown as DeadlineEvent).data.deadlineId);
    return known && { ...known, deadline: { ...known.deadline } };
  }

  private async keepQueueInLine(id: string, event: RecordedEvent, before?: KnownDeadline): Promise<void> {
    const now = this.state.deadlines.get(id);
    if (!now) return;
    switch (event.type as DeadlineEvent['type']) {
      case 'DeadlineOpened':
        await this.scheduler.schedule([now]);
        break;
      case 'DeadlineExtended':
        if (before)
          await this.scheduler.unschedule(
            allFiringsFor(before, before.deadline.dueAt, before.deadline.lastDay),
          );
        await this.scheduler.schedule([now]);
        break;
      case 'DeadlineMet':
      case 'DeadlineCancelled':
        await this.scheduler.unschedule(allFiringsFor(now, now.deadline.dueAt, now.deadline.lastDay));
        break;
      default:
        break;
    }
  }

  private waitFor(position: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (position <= this.position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  private wake(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= this.position);
    this.waiters = this.waiters.filter((w) => w.position > this.position);
    for (const w of ready) w.resolve();
  }

  private release(): void {
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
  }
}
