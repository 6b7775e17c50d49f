import type { EventStore, RecordedEvent } from '@app/eventsourcing';
import type { BusinessCalendar } from '@app/shared';
import {
  type DeadlineEvent,
  type DeadlineOpenedData,
  deadlineStream,
  type KnownDeadline,
  normalizeOpened,
} from '../deadline';
import {
  applyToDerivation,
  type DerivationState,
  initialDerivationState,
} from '../derivation/deadline-derivation';
import { type DerivationEffect, effectsFor, outstandingDeadlineIds } from '../derivation/derivation-effects';
import { allFiringsFor } from '../firings';
import type { DeadlineRecorder, KnownRevision } from './deadline-recorder';
import type { DeadlineScheduler } from './deadline-scheduler';
import { type FollowerStatus, StoreFollower } from './store-follower';

export interface ManagerLog {
  error(message: string, error?: unknown): void;
}

/** An event the derivation could not read (malformed data): skipped, counted and shown on /health. */
export interface SkippedEvent {
  eventId: string;
  type: string;
  position: number;
  error: string;
}

export interface ManagerStatus extends FollowerStatus {
  skippedEvents: number;
  lastSkippedEvent?: SkippedEvent;
  /** Effects (opening, meeting, queue updates) that failed live; the next reconciliation repeats them. */
  effectFailures: number;
}

/** A deadline stream whose folded state may differ from its own fold (see noteRevision). */
const UNUSABLE = -1;

/** How many effects reconciliation runs at once (appends share a commit in the SQLite store). */
const PARALLEL_EFFECTS = 32;

/**
 * The deadline process manager. Follows `$all` from the beginning and keeps the derivation in
 * memory; once caught up it opens the deadlines the history calls for, records fulfilments, and
 * keeps the queue in line with each deadline's stream. Everything it writes is derived from its
 * cause, so a replay, a restart or a second instance changes nothing. One event it cannot read
 * is skipped (and reported), never allowed to stop it: a deadline that silently does not fire is
 * the worst failure this system can have.
 */
export class DeadlineManager {
  readonly state: DerivationState = initialDerivationState();
  private startHead = 0;
  private readonly follower: StoreFollower;
  private skippedEvents = 0;
  private lastSkippedEvent?: SkippedEvent;
  private effectFailures = 0;
  /** The revision of each deadline stream up to which its state in `state.deadlines` is folded. */
  private readonly revisions = new Map<string, number>();
  /**
   * Effects this manager has recorded, whose events it has not necessarily folded yet: an
   * opening, an obligation begun or met stays so, and asking for it again (every event for a
   * call's deadline derives all its obligations anew) would only decide "nothing to do".
   */
  private readonly settled = new Set<string>();
  /** Deadlines touched by events folded in but not yet acted on, with what moves their queue. */
  private readonly touched = new Map<string, Move[]>();
  /** Position of the last event folded in (acted on or not). */
  private foldedUpTo = 0;

  constructor(
    private readonly store: EventStore,
    private readonly calendar: BusinessCalendar,
    private readonly recorder: DeadlineRecorder,
    private readonly scheduler: DeadlineScheduler,
    private readonly log: ManagerLog,
    retryMs?: { first: number; max: number },
  ) {
    this.follower = new StoreFollower(
      store,
      (event, lastInHand) => this.handle(event, lastInHand),
      log,
      retryMs,
    );
  }

  /** Position of the last event folded in and acted on. */
  get position(): number {
    return this.follower.position;
  }

  /**
   * Catches up with the store; resolves once every event written before the start is folded in.
   * Rejects if the store cannot be read or the subscription fails on the way (the follower keeps
   * trying meanwhile; a later start() waits for it again).
   */
  async start(): Promise<void> {
    this.startHead = await this.store.headPosition();
    this.follower.follow();
    await this.follower.waitFor(this.startHead);
  }

  async stop(): Promise<void> {
    await this.follower.stop();
  }

  status(): ManagerStatus {
    return {
      ...this.follower.status(),
      skippedEvents: this.skippedEvents,
      ...(this.lastSkippedEvent ? { lastSkippedEvent: this.lastSkippedEvent } : {}),
      effectFailures: this.effectFailures,
    };
  }

  /** Open deadlines as the store tells them now. */
  openDeadlines(): KnownDeadline[] {
    return [...this.state.deadlines.values()].filter((d) => d.status === 'open');
  }

  /**
   * A deadline as folded from its stream up to the revision returned: a firing decides on it
   * instead of reading the stream again (the store refuses the append if the stream moved on).
   * Undefined where the manager's fold may differ from the stream's own.
   */
  knownRevision(deadlineId: string): KnownRevision | undefined {
    const revision = this.revisions.get(deadlineStream(deadlineId));
    const state = this.state.deadlines.get(deadlineId);
    if (revision === undefined || revision === UNUSABLE || !state) return undefined;
    return { state, revision };
  }

  /**
   * Resolves once everything stored up to now has been folded in and acted on: a due firing waits
   * for it, so that a fulfilment stored just before the moment is not taken for a miss.
   */
  async caughtUp(timeoutMs = 10_000): Promise<void> {
    const head = await this.store.headPosition();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.follower.waitFor(head),
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
  async reconcile(): Promise<{ effects: number; jobs: number; retried: number; removed: number }> {
    const outstanding = outstandingDeadlineIds(this.state);
    let effects = 0;
    for (let i = 0; i < outstanding.length; i += PARALLEL_EFFECTS) {
      // One deadline whose effect fails (a store error, a refused decision) must not stop the rest.
      const done = await Promise.all(
        outstanding.slice(i, i + PARALLEL_EFFECTS).map((id) =>
          this.act(id).catch((error: unknown) => {
            this.effectFailed(`deadline ${id}: effect failed in reconciliation`, error);
            return false;
          }),
        ),
      );
      effects += done.filter(Boolean).length;
    }
    const { jobs, retried, removed } = await this.scheduler.reconcile(this.openDeadlines(), (id) =>
      this.state.deadlines.get(id),
    );
    return { effects, jobs, retried, removed };
  }

  /**
   * Never throws: an event that cannot be folded is skipped, an effect that fails is left to
   * reconciliation. Folds each event as it comes and acts on the deadlines it touched once no
   * further event is in hand (the end of a page read from the store): the effects of a page share
   * commits, and those on one deadline (a call's, gaining an obligation per draft) one append.
   */
  private async handle(event: RecordedEvent, lastInHand: boolean): Promise<void> {
    // After a failed subscription the follower starts again after the last event acted on: those
    // folded since are in `touched` already.
    if (event.position > this.foldedUpTo) {
      this.foldedUpTo = event.position;
      this.fold(event);
    }
    if (lastInHand) await this.actOnTouched();
  }

  private fold(event: RecordedEvent): void {
    let before: KnownDeadline | undefined;
    let ids: string[];
    try {
      before = this.stateBefore(event);
      ids = applyToDerivation(this.state, event, this.calendar);
    } catch (error) {
      this.noteRevision(event, false);
      this.skip(event, error);
      return;
    }
    this.noteRevision(event, true);
    // Events up to the start were folded only; reconciliation acts on all of them at once.
    if (event.position <= this.startHead) return;
    const queued = isQueueMove(event.type) ? event.type : undefined;
    for (const id of ids) {
      let moves = this.touched.get(id);
      if (!moves) this.touched.set(id, (moves = []));
      if (!queued) continue;
      // Obligations added one after the other: the state before the first is what the queue holds.
      const last = moves[moves.length - 1];
      if (queued === 'DeadlineObligationAdded' && last?.type === queued) continue;
      moves.push({ type: queued, before });
    }
  }

  /** The effects and queue updates the deadlines touched since the last time call for. */
  private async actOnTouched(): Promise<void> {
    if (this.touched.size === 0) return;
    const touched = [...this.touched];
    this.touched.clear();
    // Deadlines apart: their appends share the store's group commit.
    for (let i = 0; i < touched.length; i += PARALLEL_EFFECTS)
      await Promise.all(
        touched.slice(i, i + PARALLEL_EFFECTS).map(async ([id, moves]) => {
          await this.act(id).catch((error: unknown) =>
            this.effectFailed(`deadline ${id}: effect failed`, error),
          );
          await this.keepQueueInLine(id, moves).catch((error: unknown) =>
            this.effectFailed(`deadline ${id}: queue update failed`, error),
          );
        }),
      );
  }

  /**
   * Remembers how far each deadline stream is folded. A stream with an event the manager could
   * not fold, or with an opening written before `lastDay` and `openedAt` were part of it (the
   * manager reads its `occurredAt` into it, the stream's own fold does not), is always read.
   */
  private noteRevision(event: RecordedEvent, folded: boolean): void {
    if (!event.streamId.startsWith('deadline-') || this.revisions.get(event.streamId) === UNUSABLE) return;
    const legacyOpening =
      event.type === 'DeadlineOpened' &&
      normalizeOpened(event.data as DeadlineOpenedData) !== (event.data as DeadlineOpenedData);
    this.revisions.set(event.streamId, folded && !legacyOpening ? event.revision : UNUSABLE);
  }

  private skip(event: RecordedEvent, error: unknown): void {
    this.skippedEvents++;
    this.lastSkippedEvent = {
      eventId: event.metadata.eventId,
      type: event.type,
      position: event.position,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
    this.log.error(
      `deadline manager skipped event ${event.metadata.eventId} (${event.type}, position ${event.position}): it cannot be read`,
      error,
    );
  }

  private effectFailed(message: string, error: unknown): void {
    this.effectFailures++;
    this.log.error(message, error);
  }

  /** Records what the history still asks for one deadline, in order; returns whether anything was written. */
  private async act(deadlineId: string): Promise<boolean> {
    let wrote = false;
    const effects = effectsFor(this.state, deadlineId).filter((effect) => {
      const key = settledKey(effect);
      return key === undefined || !this.settled.has(key);
    });
    for (let i = 0; i < effects.length;) {
      // Obligations begun and met one after the other: one append for all of them.
      let end = i;
      while (end < effects.length && isObligationEffect(effects[end])) end++;
      const run = end > i ? effects.slice(i, end) : [effects[i]];
      i += run.length;
      if (!(await this.record(run))) continue;
      wrote = true;
      // Only what this manager wrote: "nothing to record" may also mean a deadline not open now
      // (a missed one may be extended and take obligations again). A run of obligations is
      // written whole or not at all, and what of it was there already stays so.
      for (const effect of run) {
        const key = settledKey(effect);
        if (key === undefined) continue;
        // Bounded: forgetting only costs a decision on the kept state again.
        if (this.settled.size >= SETTLED_KEPT) this.settled.clear();
        this.settled.add(key);
      }
    }
    return wrote;
  }

  private record(run: DerivationEffect[]): Promise<boolean> {
    const [effect] = run;
    if (isObligationEffect(effect))
      return this.recorder.recordObligations(
        effect.deadlineId,
        (run as ObligationEffect[]).map((e) => ({
          obligation: e.obligation,
          ...(e.kind === 'meet-obligation' ? { fulfilment: e.fulfilment } : {}),
        })),
      );
    switch (effect.kind) {
      case 'open':
        return this.recorder.open(effect.opened);
      case 'withdraw':
        return this.recorder.withdraw(effect.deadlineId, effect.withdrawal);
      case 'meet':
        return this.recorder.meet(effect.deadlineId, effect.fulfilment);
      case 'follow':
        return this.recorder.follow(effect.deadlineId, effect.move);
      case 'announce':
        return this.recorder.announce(effect.deadlineId, effect.amendment);
      default: {
        const _exhaustive: never = effect;
        return Promise.resolve(false);
      }
    }
  }

  /** The deadline before an event that moves its next firing: what to take off the queue. */
  private stateBefore(event: RecordedEvent): KnownDeadline | undefined {
    if (event.type !== 'DeadlineExtended' && event.type !== 'DeadlineObligationAdded') return undefined;
    const known = this.state.deadlines.get((event as unknown as DeadlineEvent).data.deadlineId);
    return known && { ...known, deadline: { ...known.deadline } };
  }

  /**
   * Brings the queue in line with what the deadline's events since the last time moved, in their
   * order, towards the deadline as it is now.
   */
  private async keepQueueInLine(id: string, moves: Move[]): Promise<void> {
    const now = this.state.deadlines.get(id);
    if (!now) return;
    for (const { type, before } of moves)
      switch (type) {
        case 'DeadlineOpened':
          await this.scheduler.schedule([now]);
          break;
        case 'DeadlineObligationAdded':
          // The first addressee brings reminders before the job queued (the closing): one job per
          // deadline. Each further one leaves the next firing as it was: its job is queued already
          // (one that Redis lost is queued again by the periodic reconciliation).
          if (before && this.scheduler.sameNextFiring(before, now)) break;
          await this.scheduler.schedule([now]);
          if (before) await this.scheduler.unscheduleReplaced(before, now);
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
        default: {
          const _exhaustive: never = type;
        }
      }
  }
}

/** Deadline events that move what the queue must hold. */
const QUEUE_MOVES = new Set([
  'DeadlineOpened',
  'DeadlineObligationAdded',
  'DeadlineExtended',
  'DeadlineMet',
  'DeadlineCancelled',
] as const satisfies readonly DeadlineEvent['type'][]);

type QueueMove = typeof QUEUE_MOVES extends Set<infer T> ? T : never;

function isQueueMove(type: string): type is QueueMove {
  return (QUEUE_MOVES as Set<string>).has(type);
}

/** A deadline event folded in but not yet acted on; `before`: the deadline before it, where needed. */
interface Move {
  type: QueueMove;
  before?: KnownDeadline;
}

type ObligationEffect = Extract<DerivationEffect, { kind: 'add-obligation' | 'meet-obligation' }>;

function isObligationEffect(effect: DerivationEffect): effect is ObligationEffect {
  return effect.kind === 'add-obligation' || effect.kind === 'meet-obligation';
}

/** Effects remembered as settled, at most (then forgotten all at once). */
const SETTLED_KEPT = 100_000;

/** The identity of an effect that, once recorded, never needs recording again; else undefined. */
function settledKey(effect: DerivationEffect): string | undefined {
  switch (effect.kind) {
    case 'open':
      return `open|${effect.opened.deadlineId}`;
    case 'add-obligation':
      return `add|${effect.deadlineId}|${effect.obligation.ags}`;
    case 'meet-obligation':
      return `meet|${effect.deadlineId}|${effect.obligation.ags}`;
    default:
      return undefined;
  }
}
