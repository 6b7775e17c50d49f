import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import { type Principal, seesEverything } from '@app/identity';
import { Clock } from '@app/shared';
import { berlinDate, versionInForce } from '../rules';
import {
  type CallView,
  type ProgrammeRulesView,
  type ProgrammeView,
  programmesCallsProjection,
} from './programmes-calls.projection';

/** Municipalities see published (and closed) calls only; drafts are the grants office's working papers. */
function visible(call: CallView, principal: Principal): boolean {
  return call.status !== 'draft' || seesEverything(principal);
}

/**
 * A programme as the caller may see it: its list of calls names drafts only to those who see
 * drafts, so a municipality never learns the id of a call the office has not published.
 */
function programmeFor(
  programme: ProgrammeView,
  calls: Map<string, CallView>,
  principal: Principal,
): ProgrammeView {
  if (seesEverything(principal)) return programme;
  return {
    ...programme,
    callIds: programme.callIds.filter((id) => {
      const call = calls.get(id);
      return call !== undefined && visible(call, principal);
    }),
  };
}

export class ListProgrammesQuery extends Query<ProgrammeView[]> {
  constructor(readonly principal: Principal) {
    super();
  }
}
export class GetProgrammeQuery extends Query<ProgrammeView> {
  constructor(
    readonly principal: Principal,
    readonly programmeId: string,
  ) {
    super();
  }
}
export class ListCallsQuery extends Query<CallView[]> {
  constructor(
    readonly principal: Principal,
    readonly programmeId?: string,
  ) {
    super();
  }
}
/** The version of the programme's terms a submission to the call is decided under. */
export interface TermsInForceView {
  version: number;
  effectiveFrom: string;
  label?: string;
  /** The day it was looked up for: today, or the call's opening day if that is later. */
  on: string;
}

export interface CallDetailView extends CallView {
  /** Absent when no version is in force on that day (the call cannot be published then). */
  termsInForce?: TermsInForceView;
}

export class GetCallQuery extends Query<CallDetailView> {
  constructor(
    readonly principal: Principal,
    readonly callId: string,
  ) {
    super();
  }
}

@QueryHandler(ListProgrammesQuery)
export class ListProgrammesHandler implements IQueryHandler<ListProgrammesQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ principal }: ListProgrammesQuery): Promise<ProgrammeView[]> {
    const { programmes, calls } = this.projections.state(programmesCallsProjection);
    return [...programmes.values()].map((p) => programmeFor(p, calls, principal));
  }
}

@QueryHandler(GetProgrammeQuery)
export class GetProgrammeHandler implements IQueryHandler<GetProgrammeQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ principal, programmeId }: GetProgrammeQuery): Promise<ProgrammeView> {
    const { programmes, calls } = this.projections.state(programmesCallsProjection);
    const programme = programmes.get(programmeId);
    if (!programme) throw new NotFound('Programme', programmeId);
    return programmeFor(programme, calls, principal);
  }
}

@QueryHandler(ListCallsQuery)
export class ListCallsHandler implements IQueryHandler<ListCallsQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ principal, programmeId }: ListCallsQuery): Promise<CallView[]> {
    return [...this.projections.state(programmesCallsProjection).calls.values()].filter(
      (c) => (!programmeId || c.programmeId === programmeId) && visible(c, principal),
    );
  }
}

@QueryHandler(GetCallQuery)
export class GetCallHandler implements IQueryHandler<GetCallQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly clock: Clock,
  ) {}
  async execute({ principal, callId }: GetCallQuery): Promise<CallDetailView> {
    const model = this.projections.state(programmesCallsProjection);
    const call = model.calls.get(callId);
    if (!call || !visible(call, principal)) throw new NotFound('Call', callId);
    const today = berlinDate(this.clock.now().toISOString());
    const on = call.opensOn && call.opensOn > today ? call.opensOn : today;
    const version = versionInForce(model.rules.get(call.programmeId) ?? [], on);
    if (!version) return call;
    const { label } = version;
    return {
      ...call,
      termsInForce: {
        version: version.version,
        effectiveFrom: version.effectiveFrom,
        ...(label && { label }),
        on,
      },
    };
  }
}

export class GetProgrammeRulesQuery extends Query<ProgrammeRulesView[]> {
  constructor(readonly programmeId: string) {
    super();
  }
}

@QueryHandler(GetProgrammeRulesQuery)
export class GetProgrammeRulesHandler implements IQueryHandler<GetProgrammeRulesQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ programmeId }: GetProgrammeRulesQuery): Promise<ProgrammeRulesView[]> {
    const model = this.projections.state(programmesCallsProjection);
    if (!model.programmes.has(programmeId)) throw new NotFound('Programme', programmeId);
    return model.rules.get(programmeId) ?? [];
  }
}
