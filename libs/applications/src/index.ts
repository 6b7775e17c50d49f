export * from './expression-of-interest';
export type {
  Invitation,
  InvitationStatus,
  JointApplicationEvent,
  JointApplicationInvitationDeclined,
  JointApplicationInvitationLapsed,
  JointApplicationInvitationWithdrawn,
  JointApplicationMemberInvited,
  JointApplicationMemberLeft,
  JointApplicationMembershipConfirmed,
} from './joint-application';
export * from './applications.module';
export { expressionsOfInterestProjection } from './queries/expressions-of-interest.projection';
export type { ExpressionOfInterestView, InvitationView } from './queries/expressions-of-interest.projection';
