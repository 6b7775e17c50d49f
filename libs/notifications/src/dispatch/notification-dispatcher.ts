import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  appendOnce,
  type EventStore,
  fold,
  type RecordedEvent,
  SCHEMA_VERSION,
  type Subscription,
} from '@app/eventsourcing';
import type { Clock } from '@app/shared';
import { isNotifying } from '../deadline-facts';
import type { NoticeCause } from '../messages/deadline-message';
import { NameBook } from '../messages/name-book';
import {
  evolveSettings,
  initialSettingsState,
  type NotificationSettingsEvent,
  type NotificationSettingsState,
  notificationStream,
  settingsStream,
} from '../notifications';
import { recipientsOf } from '../recipients';
import { DISPATCHER_ACTOR } from './deliver-notification';
import { DeliveryLedger } from './delivery-ledger';
import { DeliveryQueue, type DeliveryQueueOptions, readCause } from './delivery-queue';
import {
  deadlineAsOf,
  type DeliveryJobData,
  planNotifications,
  type PlannedNotification,
} from './plan-notifications';

export interface DispatcherOptions extends DeliveryQueueOptions {
  /** Reconciliation besides the one at start and those asked for; 0: none. */
  reconcileIntervalMs: number;
}

export interface ReconciliationResult {
  /** Deadline events whose notifications were recorded now. */
  dispatched: number;
  /** Deliveries whose job was missing (or ended in Redis while the store says otherwise), added again. */
  requeued: number;
}

const MAX_RESTART_DELAY_MS = 30_000;

/** What the dispatcher says of itself; /health judges it against the store's head as well. */
export interface DispatcherStatus {
  state: 'starting' | 'following' | 'reconnecting' | 'stopped';
  since: string;
  position: number;
  restarts: number;
  /** Since when (epoch ms) the event in hand is being handled. */
  busySince?: number;
  lastError?: { name: string; at: string };
}

/**
 * The notification process manager. It follows `$all` from the start at every start, keeping in
 * memory only what is still owed (a DeliveryLedger): deadline events whose notifications are
 * not recorded, and e-mails and webhooks queued without an outcome. Live, each reminder, miss or
 * escalation is dispatched at once: the inbox entry and a "queued" per outside channel are
 * recorded, then one BullMQ job per channel is added. Reconciliation (once caught up, every
 * `reconcileIntervalMs`, and when Redis is found to have lost its keys) brings the queue in line
 * with the ledger, so a wiped Redis loses no delivery: nothing is decided from Redis state alone,
 * and no checkpoint in Redis can point past work that is not done. Every id derives from the
 * cause: two dispatchers, or one replaying, write the same events and add the same jobs.
 */
export class NotificationDispatcher {
  private readonly logger = new Logger('NotificationDispatcher');
  readonly ledger = new DeliveryLedger();
  /** Names of municipalities, programmes, grants, reports … as far as the store has told them. */
  readonly names: NameBook;
  private readonly deliveries: DeliveryQueue;
  private subscription?: Subscription;
  private running?: Promise<void>;
  private stopped = false;
  private startHead = 0;
  private caughtUp = false;
  private reconciling?: Promise<ReconciliationResult>;
  private reconcileAgain = false;
  private timer?: NodeJS.Timeout;
  private state: DispatcherStatus['state'] = 'starting';
  private since = new Date();
  private restarts = 0;
  private busySince?: number;
  private lastError?: DispatcherStatus['lastError'];
  /** How many reconciliations ran, what the last one did, and all of them (for tests and the log). */
  reconciliations = 0;
  lastReconciliation?: ReconciliationResult;
  readonly totals: ReconciliationResult = { dispatched: 0, requeued: 0 };

  constructor(
    private readonly store: EventStore,
    private readonly queue: Queue<DeliveryJobData>,
    private readonly clock: Clock,
    private readonly options: DispatcherOptions,
    municipalityName: (ags: string) => string | undefined = () => undefined,
  ) {
    this.names = new NameBook(municipalityName);
    this.deliveries = new DeliveryQueue(queue, store, options, this.names);
  }

  /** Position of the last event folded in. */
  get position(): number {
    return this.ledger.position;
  }

  status(): DispatcherStatus {
    return {
      state: this.state,
      since: this.since.toISOString(),
      position: this.position,
      restarts: this.restarts,
      ...(this.busySince !== undefined ? { busySince: this.busySince } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  private enter(state: DispatcherStatus['state']): void {
    if (this.state === state) return;
    this.state = state;
    this.since = new Date();
  }

  start(): void {
    this.running ??= this.run();
    if (this.options.reconcileIntervalMs > 0 && !this.timer) {
      this.timer = setInterval(
        () => void this.reconcile().catch(() => undefined),
        this.options.reconcileIntervalMs,
      );
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.enter('stopped');
    if (this.timer) clearInterval(this.timer);
    await this.subscription?.stop();
    await this.running;
    // A reconciliation waiting for an absent Redis must not hold up a shutdown; it stops at its next step.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.reconciling?.catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, 5000))),
    ]);
    clearTimeout(timer);
  }

  /**
   * Brings the store's records and the queue in line with the ledger. One at a time: a call
   * while one runs has it run once more afterwards (what it found may be older than the call).
   * Before the ledger has caught up with the store there is nothing to compare: it does nothing.
   */
  reconcile(): Promise<ReconciliationResult> {
    if (!this.caughtUp || this.stopped) return Promise.resolve({ dispatched: 0, requeued: 0 });
    if (this.reconciling) {
      this.reconcileAgain = true;
      return this.reconciling;
    }
    const run = async (): Promise<ReconciliationResult> => {
      let result: ReconciliationResult;
      do {
        this.reconcileAgain = false;
        result = await this.reconcileOnce();
      } while (this.reconcileAgain && !this.stopped);
      return result;
    };
    this.reconciling = run()
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'notification reconciliation failed; the next one repeats it');
        throw error;
      })
      .finally(() => (this.reconciling = undefined));
    return this.reconciling;
  }

  /** Follows the store; after a failure (store away) follows again from the last event folded in. */
  private async run(): Promise<void> {
    let delay = 1000;
    while (!this.stopped) {
      try {
        if (!this.caughtUp) {
          this.startHead = await this.store.headPosition();
          if (this.position >= this.startHead) this.reachedHead();
        }
        const from = this.position;
        this.subscription = this.store.subscribeToAll({ after: from }, async (e) => {
          this.busySince = Date.now();
          try {
            await this.handle(e);
          } finally {
            this.busySince = undefined;
          }
        });
        if (this.caughtUp) this.enter('following');
        await this.subscription.done;
        if (this.stopped) return;
        if (this.position > from) delay = 1000;
        throw new Error('the subscription to the store ended');
      } catch (error) {
        if (this.stopped) return;
        this.restarts++;
        this.lastError = {
          name: error instanceof Error ? error.name : 'Error',
          at: new Date().toISOString(),
        };
        this.enter('reconnecting');
        this.logger.error(
          { err: error },
          `notification dispatch stopped at position ${this.position}; following again in ${delay} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
        delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
      }
    }
  }

  private async handle(event: RecordedEvent): Promise<void> {
    this.ledger.apply(event);
    this.names.apply(event);
    if (!this.caughtUp) {
      if (event.position >= this.startHead) this.reachedHead();
      return;
    }
    // A failure leaves the cause in the ledger as not dispatched: the next reconciliation does it.
    if (isNotifying(event.type))
      await this.dispatch(event).catch((error: unknown) =>
        this.logger.warn(
          { err: error },
          `notifications of ${event.type} ${event.metadata.eventId} not recorded yet; reconciliation will`,
        ),
      );
  }

  /** History up to the start is folded only; then everything owed is done at once. */
  private reachedHead(): void {
    this.caughtUp = true;
    if (!this.stopped) this.enter('following');
    void this.reconcile().catch(() => undefined);
  }

  private async reconcileOnce(): Promise<ReconciliationResult> {
    // One delivery that cannot be brought back (a store or Redis error) must not hold up the rest.
    const failed = (what: string) => (error: unknown) => {
      this.logger.warn({ err: error }, `reconciliation: ${what} failed; the next reconciliation repeats it`);
      return false;
    };
    let dispatched = 0;
    for (const ref of this.ledger.undispatched()) {
      if (this.stopped) break;
      const done = await readCause(this.store, ref)
        .then(async (cause) => {
          if (!cause) throw new Error(`the deadline event is not at ${ref.streamId}@${ref.revision}`);
          return (await this.dispatch(cause.event, cause.history)) > 0;
        })
        .catch(failed(`dispatching ${ref.eventId}`));
      if (done) dispatched++;
    }
    let requeued = 0;
    for (const delivery of this.ledger.pending()) {
      if (this.stopped) break;
      if (await this.deliveries.requeue(delivery).catch(failed(`queueing ${delivery.jobId} again`)))
        requeued++;
    }
    this.reconciliations++;
    this.lastReconciliation = { dispatched, requeued };
    this.totals.dispatched += dispatched;
    this.totals.requeued += requeued;
    if (dispatched + requeued > 0)
      this.logger.log(
        `notification reconciliation: ${dispatched} deadline events dispatched, ${requeued} deliveries queued again`,
      );
    return this.lastReconciliation;
  }

  /**
   * Records the cause's notifications; adds the jobs of those recorded now. Returns how many were
   * recorded. A notification found recorded already gets its jobs from reconciliation, which
   * knows whether they are still owed.
   */
  private async dispatch(cause: RecordedEvent, deadlineHistory?: RecordedEvent[]): Promise<number> {
    const history =
      deadlineHistory ?? (await this.store.readStream(cause.streamId, { toRevision: cause.revision }));
    const facts = deadlineAsOf(history);
    const settings = new Map<string, NotificationSettingsState>();
    for (const ags of recipientsOf(cause as unknown as NoticeCause, facts)) {
      if (ags !== null) settings.set(ags, await this.settingsBefore(ags, cause.position));
    }
    let recorded = 0;
    for (const planned of planNotifications(cause, facts, (ags) => settings.get(ags), this.names)) {
      if (!(await this.record(cause, planned))) continue;
      recorded++;
      for (const job of planned.jobs) await this.deliveries.add(job.jobId, job.data, 0);
    }
    return recorded;
  }

  private record(cause: RecordedEvent, planned: PlannedNotification): Promise<boolean> {
    return appendOnce(
      this.store,
      notificationStream(planned.notificationId),
      planned.events.map(({ eventId, event }) => ({
        type: event.type,
        data: event.data,
        metadata: {
          eventId,
          schemaVersion: SCHEMA_VERSION,
          occurredAt: this.clock.nowIso(),
          actor: DISPATCHER_ACTOR,
          correlationId: cause.metadata.correlationId,
          causationId: cause.metadata.eventId,
        },
      })),
    );
  }

  /** The channels as they were when the deadline event happened: a replay plans the same. */
  private async settingsBefore(ags: string, position: number): Promise<NotificationSettingsState> {
    const events = (await this.store.readStream(settingsStream(ags))).filter((e) => e.position < position);
    return fold(
      { evolve: evolveSettings, initialState: initialSettingsState },
      events as unknown as NotificationSettingsEvent[],
    );
  }
}
