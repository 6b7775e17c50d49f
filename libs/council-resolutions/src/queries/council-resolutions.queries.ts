import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { expressionsOfInterestProjection, involves } from '@app/applications';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import { type Principal, seesEverything } from '@app/identity';
import { type CouncilResolutionView, councilResolutionsProjection } from './council-resolutions.projection';

/**
 * Office and auditors read every resolution; a municipality reads those of the expressions of
 * interest it leads or is a member of, and to it all others do not exist.
 */
function mayReadApplication(
  projections: ProjectionRunner,
  principal: Principal,
  applicationId: string,
): boolean {
  const application = projections.state(expressionsOfInterestProjection).byId.get(applicationId);
  if (!application) return false;
  return seesEverything(principal) || (principal.ags !== undefined && involves(application, principal.ags));
}

export class GetCouncilResolutionQuery extends Query<CouncilResolutionView> {
  constructor(
    readonly principal: Principal,
    readonly resolutionId: string,
  ) {
    super();
  }
}

export class ListApplicationCouncilResolutionsQuery extends Query<CouncilResolutionView[]> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
  ) {
    super();
  }
}

@QueryHandler(GetCouncilResolutionQuery)
export class GetCouncilResolutionHandler implements IQueryHandler<GetCouncilResolutionQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ principal, resolutionId }: GetCouncilResolutionQuery): Promise<CouncilResolutionView> {
    const view = this.projections.state(councilResolutionsProjection).byId.get(resolutionId);
    if (!view || !mayReadApplication(this.projections, principal, view.applicationId))
      throw new NotFound('Council resolution', resolutionId);
    return view;
  }
}

@QueryHandler(ListApplicationCouncilResolutionsQuery)
export class ListApplicationCouncilResolutionsHandler implements IQueryHandler<ListApplicationCouncilResolutionsQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({
    principal,
    applicationId,
  }: ListApplicationCouncilResolutionsQuery): Promise<CouncilResolutionView[]> {
    if (!mayReadApplication(this.projections, principal, applicationId))
      throw new NotFound('Expression of interest', applicationId);
    const model = this.projections.state(councilResolutionsProjection);
    return (model.byApplication.get(applicationId) ?? []).map(
      (id) => model.byId.get(id) as CouncilResolutionView,
    );
  }
}
