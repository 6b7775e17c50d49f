import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import { type Principal, seesEverything } from '@app/identity';
import { programmesCallsProjection } from '@app/programmes-calls';
import { mayRead as mayReadApplication } from '../expression-of-interest';
import {
  type ExpressionOfInterestView,
  expressionsOfInterestProjection,
} from './expressions-of-interest.projection';

export type StatusFilter = 'submitted' | 'draft' | 'all';

/**
 * A municipality-only caller sees what it leads, is a member of, or is invited to; office and
 * auditors see all.
 */
function mayRead(principal: Principal, view: ExpressionOfInterestView): boolean {
  return (
    seesEverything(principal) || (principal.ags !== undefined && mayReadApplication(view, principal.ags))
  );
}

/**
 * What the caller is shown: the lead, the office and auditors see every invitation with its
 * status; a member or invitee sees its own invitation only (another's answer is not its business).
 */
export function shownTo(principal: Principal, view: ExpressionOfInterestView): ExpressionOfInterestView {
  if (seesEverything(principal) || principal.ags === view.applicant.ags) return view;
  return { ...view, invitations: view.invitations.filter((i) => i.municipality.ags === principal.ags) };
}

export class ListCallSubmissionsQuery extends Query<ExpressionOfInterestView[]> {
  constructor(
    readonly callId: string,
    readonly status: StatusFilter,
  ) {
    super();
  }
}

export class ListExpressionsOfInterestQuery extends Query<ExpressionOfInterestView[]> {
  constructor(
    readonly principal: Principal,
    readonly callId?: string,
  ) {
    super();
  }
}

export class GetExpressionOfInterestQuery extends Query<ExpressionOfInterestView> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
  ) {
    super();
  }
}

@QueryHandler(ListCallSubmissionsQuery)
export class ListCallSubmissionsHandler implements IQueryHandler<ListCallSubmissionsQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ callId, status }: ListCallSubmissionsQuery): Promise<ExpressionOfInterestView[]> {
    if (!this.projections.state(programmesCallsProjection).calls.has(callId))
      throw new NotFound('Call', callId);
    const model = this.projections.state(expressionsOfInterestProjection);
    return (model.byCall.get(callId) ?? [])
      .map((id) => model.byId.get(id) as ExpressionOfInterestView)
      .filter((v) => status === 'all' || v.status === status);
  }
}

@QueryHandler(ListExpressionsOfInterestQuery)
export class ListExpressionsOfInterestHandler implements IQueryHandler<ListExpressionsOfInterestQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ principal, callId }: ListExpressionsOfInterestQuery): Promise<ExpressionOfInterestView[]> {
    const model = this.projections.state(expressionsOfInterestProjection);
    const candidates = seesEverything(principal)
      ? [...model.byId.values()]
      : [...(model.byAgs.get(principal.ags ?? '') ?? [])].map(
          (id) => model.byId.get(id) as ExpressionOfInterestView,
        );
    return candidates
      .filter((v) => (!callId || v.callId === callId) && mayRead(principal, v))
      .map((v) => shownTo(principal, v));
  }
}

@QueryHandler(GetExpressionOfInterestQuery)
export class GetExpressionOfInterestHandler implements IQueryHandler<GetExpressionOfInterestQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({
    principal,
    applicationId,
  }: GetExpressionOfInterestQuery): Promise<ExpressionOfInterestView> {
    const view = this.projections.state(expressionsOfInterestProjection).byId.get(applicationId);
    if (!view || !mayRead(principal, view)) throw new NotFound('Expression of interest', applicationId);
    return shownTo(principal, view);
  }
}
