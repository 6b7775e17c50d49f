import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  type Actor,
  deterministicUuid,
  DomainError,
  type EventStore,
  type RecordedEvent,
  runCommand,
  type Subscription,
} from '@app/eventsourcing';
import { CommandService, EVENT_STORE } from '@app/shared';
import { GrantRevoked } from '../errors';
import { esfReportStream } from '../esf-report';
import { openReportPeriodDecider } from './open-report-periods.decide';
import { planForGrant } from './plan-for-grant';

export const REPORT_PERIODS_POLICY: Actor = { subject: 'report-periods-policy', role: 'system' };

const RETRY_MS = 1000;

/**
 * A grant notice opens the grant's report periods, by the schedule and indicator catalogue of
 * the terms it applied, without a manual step. Follows the store from its first event at every
 * start: the plan is read from the store (periods already open stand), and each period's
 * `ReportPeriodOpened` carries an id derived from the notice and the period, written only to a
 * stream that does not exist yet. So a replay, a restart or a second worker opens nothing twice,
 * and a notice issued while no worker ran is caught up at the next start.
 */
@Injectable()
export class ReportPeriodsPolicy implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReportPeriodsPolicy');
  private subscription?: Subscription;
  private position = 0;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandService,
  ) {}

  onApplicationBootstrap(): void {
    this.follow();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Follows the store from where it was (the first event at start); resubscribes after a failure. */
  follow(): void {
    this.stopped = false;
    const subscription = this.store.subscribeToAll({ after: this.position }, async (event) => {
      await this.handle(event);
      this.position = event.position;
    });
    this.subscription = subscription;
    subscription.done.then(
      () => undefined,
      (error: unknown) => {
        if (this.stopped) return;
        this.logger.warn({ err: error }, `following the store ended; again in ${RETRY_MS} ms`);
        this.retry = setTimeout(() => this.follow(), RETRY_MS);
      },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.subscription?.stop();
  }

  /** The periods the notice's grant still lacks; a grant the rules cannot plan for is left to the office. */
  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'GrantNoticeIssued') return;
    const { grantId } = event.data as { grantId: string };
    let plan;
    try {
      plan = await planForGrant(this.commands, grantId);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // A grant revoked in full owes no reports: seen again at every start, not worth a warning.
      const level = error instanceof GrantRevoked ? 'debug' : 'warn';
      this.logger[level](`no report periods opened for grant ${grantId}: ${error.message}`);
      return;
    }
    for (const period of plan.toOpen) {
      const commandId = deterministicUuid(`open-report-period:${event.metadata.eventId}:${period.reportId}`);
      await runCommand(
        this.store,
        esfReportStream(period.reportId),
        openReportPeriodDecider,
        { period },
        {
          actor: REPORT_PERIODS_POLICY,
          correlationId: event.metadata.correlationId,
          causationId: event.metadata.eventId,
          commandId,
          occurredAt: event.metadata.occurredAt,
        },
      );
    }
  }
}
