import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { ConfirmMembershipController } from './confirm-membership/confirm-membership.controller';
import { ConfirmMembershipHandler } from './confirm-membership/confirm-membership.handler';
import { CorrectSubmissionTermsController } from './correct-submission-terms/correct-submission-terms.controller';
import { CorrectSubmissionTermsHandler } from './correct-submission-terms/correct-submission-terms.handler';
import { DeclineInvitationController } from './decline-invitation/decline-invitation.controller';
import { DeclineInvitationHandler } from './decline-invitation/decline-invitation.handler';
import { DraftExpressionOfInterestController } from './draft-expression-of-interest/draft-expression-of-interest.controller';
import { DraftExpressionOfInterestHandler } from './draft-expression-of-interest/draft-expression-of-interest.handler';
import { LeaveJointApplicationController } from './leave-joint-application/leave-joint-application.controller';
import { LeaveJointApplicationHandler } from './leave-joint-application/leave-joint-application.handler';
import { expressionsOfInterestProjection } from './queries/expressions-of-interest.projection';
import { ExpressionsOfInterestQueriesController } from './queries/expressions-of-interest-queries.controller';
import {
  GetExpressionOfInterestHandler,
  ListCallSubmissionsHandler,
  ListExpressionsOfInterestHandler,
} from './queries/expressions-of-interest.queries';
import { JointApplicationInvitationsController } from './queries/joint-application-invitations.controller';
import { ListJointApplicationInvitationsHandler } from './queries/joint-application-invitations.queries';
import { ReviseExpressionOfInterestController } from './revise-expression-of-interest/revise-expression-of-interest.controller';
import { ReviseExpressionOfInterestHandler } from './revise-expression-of-interest/revise-expression-of-interest.handler';
import { SubmitExpressionOfInterestController } from './submit-expression-of-interest/submit-expression-of-interest.controller';
import { SubmitExpressionOfInterestHandler } from './submit-expression-of-interest/submit-expression-of-interest.handler';

@Module({
  imports: [CqrsModule],
  controllers: [
    DraftExpressionOfInterestController,
    ReviseExpressionOfInterestController,
    SubmitExpressionOfInterestController,
    CorrectSubmissionTermsController,
    ConfirmMembershipController,
    DeclineInvitationController,
    LeaveJointApplicationController,
    ExpressionsOfInterestQueriesController,
    JointApplicationInvitationsController,
  ],
  providers: [
    DraftExpressionOfInterestHandler,
    ReviseExpressionOfInterestHandler,
    SubmitExpressionOfInterestHandler,
    CorrectSubmissionTermsHandler,
    ConfirmMembershipHandler,
    DeclineInvitationHandler,
    LeaveJointApplicationHandler,
    ListCallSubmissionsHandler,
    ListExpressionsOfInterestHandler,
    GetExpressionOfInterestHandler,
    ListJointApplicationInvitationsHandler,
  ],
})
export class ApplicationsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRunner) {}
  onModuleInit(): void {
    this.projections.register(expressionsOfInterestProjection);
  }
}
