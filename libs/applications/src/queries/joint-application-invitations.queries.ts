import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { type Principal, seesEverything } from '@app/identity';
import type { Applicant } from '../expression-of-interest';
import type { InvitationStatus } from '../joint-application';
import {
  type ExpressionOfInterestView,
  expressionsOfInterestProjection,
  type InvitationView,
} from './expressions-of-interest.projection';

/** An invitation as the invited municipality reads it: who asks, for what, and where it stands. */
export interface JointApplicationInvitationView extends InvitationView {
  applicationId: string;
  callId: string;
  lead: Applicant;
  motto?: string;
  applicationStatus: ExpressionOfInterestView['status'];
}

export class ListJointApplicationInvitationsQuery extends Query<JointApplicationInvitationView[]> {
  constructor(
    readonly principal: Principal,
    readonly callId?: string,
    readonly status?: InvitationStatus,
  ) {
    super();
  }
}

/**
 * A municipality's invitations to joint applications, whatever became of them; the grants office
 * and auditors list everyone's. A municipality never sees an invitation addressed to another.
 */
@QueryHandler(ListJointApplicationInvitationsQuery)
export class ListJointApplicationInvitationsHandler implements IQueryHandler<ListJointApplicationInvitationsQuery> {
  constructor(private readonly projections: ProjectionRunner) {}

  async execute({
    principal,
    callId,
    status,
  }: ListJointApplicationInvitationsQuery): Promise<JointApplicationInvitationView[]> {
    const model = this.projections.state(expressionsOfInterestProjection);
    const all = seesEverything(principal);
    const views = all
      ? [...model.byId.values()]
      : [...(model.byAgs.get(principal.ags ?? '') ?? [])].map(
          (id) => model.byId.get(id) as ExpressionOfInterestView,
        );
    return views
      .filter((v) => !callId || v.callId === callId)
      .flatMap((v) =>
        v.invitations
          .filter((i) => (all || i.municipality.ags === principal.ags) && (!status || i.status === status))
          .map((i) => ({
            applicationId: v.applicationId,
            callId: v.callId,
            lead: v.applicant,
            ...(v.content.motto ? { motto: v.content.motto } : {}),
            applicationStatus: v.status,
            ...i,
          })),
      );
  }
}
