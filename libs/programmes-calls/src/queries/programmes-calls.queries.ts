import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import { type Principal, seesEverything } from '@app/identity';
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
export class GetCallQuery extends Query<CallView> {
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
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ principal, callId }: GetCallQuery): Promise<CallView> {
    const call = this.projections.state(programmesCallsProjection).calls.get(callId);
    if (!call || !visible(call, principal)) throw new NotFound('Call', callId);
    return call;
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
