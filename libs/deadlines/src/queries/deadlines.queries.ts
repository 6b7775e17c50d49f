import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type EventStore, NotFound, ProjectionRunner } from '@app/eventsourcing';
import { type Principal, seesEverything } from '@app/identity';
import { programmesCallsProjection } from '@app/programmes-calls';
import { EVENT_STORE } from '@app/shared';
import { type DeadlineKind, type DeadlineStatus, deadlineStream } from '../deadline';
import { type DeadlineSettings, defaultDeadlineSettings } from '../deadline-settings';
import { type DeadlineView, deadlinesProjection, wasOpenOn } from './deadlines.projection';

export interface DeadlinesFilter {
  openOn?: string;
  ags?: string;
  kind?: DeadlineKind;
  status?: DeadlineStatus;
}

/** One entry of a deadline's own stream: what happened, when, and who did it. */
export interface DeadlineHistoryEntry {
  revision: number;
  type: string;
  data: unknown;
  occurredAt: string;
  recordedAt: string;
  actor: { subject: string; role: string; ags?: string };
}

export type DeadlineWithHistory = DeadlineView & { history: DeadlineHistoryEntry[] };

/** Office and auditors see every deadline; a municipality those it is obliged by; nobody else any. */
function mayRead(principal: Principal, view: DeadlineView): boolean {
  if (seesEverything(principal)) return true;
  return principal.ags !== undefined && view.obligedAgs.includes(principal.ags);
}

export class ListDeadlinesQuery extends Query<DeadlineView[]> {
  constructor(
    readonly principal: Principal,
    readonly filter: DeadlinesFilter,
  ) {
    super();
  }
}

export class GetDeadlineQuery extends Query<DeadlineWithHistory> {
  constructor(
    readonly principal: Principal,
    readonly deadlineId: string,
  ) {
    super();
  }
}

export class GetDeadlineSettingsQuery extends Query<DeadlineSettings> {
  constructor(readonly programmeId: string) {
    super();
  }
}

@QueryHandler(ListDeadlinesQuery)
export class ListDeadlinesHandler implements IQueryHandler<ListDeadlinesQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ principal, filter }: ListDeadlinesQuery): Promise<DeadlineView[]> {
    const model = this.projections.state(deadlinesProjection);
    const ids = filter.ags ? [...(model.byAgs.get(filter.ags) ?? [])] : [...model.byId.keys()];
    return ids
      .map((id) => model.byId.get(id) as DeadlineView)
      .filter(
        (view) =>
          mayRead(principal, view) &&
          (!filter.kind || view.kind === filter.kind) &&
          (!filter.status || view.status === filter.status) &&
          (!filter.openOn || wasOpenOn(view, filter.openOn)),
      )
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.deadlineId.localeCompare(b.deadlineId));
  }
}

@QueryHandler(GetDeadlineQuery)
export class GetDeadlineHandler implements IQueryHandler<GetDeadlineQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}
  async execute({ principal, deadlineId }: GetDeadlineQuery): Promise<DeadlineWithHistory> {
    const view = this.projections.state(deadlinesProjection).byId.get(deadlineId);
    if (!view || !mayRead(principal, view)) throw new NotFound('Deadline', deadlineId);
    // The stream itself, not the read model: "who was reminded when" straight from history.
    const history = (await this.store.readStream(deadlineStream(deadlineId))).map((e) => ({
      revision: e.revision,
      type: e.type,
      data: e.data,
      occurredAt: e.metadata.occurredAt,
      recordedAt: e.metadata.recordedAt,
      actor: e.metadata.actor,
    }));
    return { ...view, history };
  }
}

@QueryHandler(GetDeadlineSettingsQuery)
export class GetDeadlineSettingsHandler implements IQueryHandler<GetDeadlineSettingsQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ programmeId }: GetDeadlineSettingsQuery): Promise<DeadlineSettings> {
    if (!this.projections.state(programmesCallsProjection).programmes.has(programmeId))
      throw new NotFound('Programme', programmeId);
    return (
      this.projections.state(deadlinesProjection).settings.get(programmeId) ??
      defaultDeadlineSettings(programmeId)
    );
  }
}
