import { type Decider, NotFound } from '@app/eventsourcing';
import { MembershipBoundBySubmission, NotAMember } from '../errors';
import {
  evolveExpressionOfInterest,
  type ExpressionOfInterestEvent,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
} from '../expression-of-interest';
import { requireInvitation } from '../joint-application';

export interface LeaveJointApplication {
  applicationId: string;
  ags: string;
  reason?: string;
}

/**
 * A confirmed member leaves before the lead submits, and is free again for the call. The
 * submission binds: what was applied for is not changed afterwards. A member that already left,
 * or that the lead no longer names, is out already: nothing is recorded (and the handler frees its
 * place if a crash left it held).
 */
export function leaveJointApplication(
  command: LeaveJointApplication,
  state: ExpressionOfInterestState,
): ExpressionOfInterestEvent[] {
  const { applicationId, ags, reason } = command;
  if (state.status === 'none') throw new NotFound('Expression of interest', applicationId);
  const invitation = requireInvitation(state.invitations, applicationId, ags);
  if (invitation.status === 'left' || invitation.status === 'withdrawn') return [];
  if (invitation.status !== 'confirmed')
    throw new NotAMember({ applicationId, ags, status: invitation.status });
  if (state.status === 'submitted') throw new MembershipBoundBySubmission({ applicationId, ags });
  return [
    {
      type: 'JointApplicationMemberLeft',
      data: { applicationId, callId: state.callId, ags, ...(reason ? { reason } : {}) },
    },
  ];
}

export const leaveJointApplicationDecider: Decider<
  LeaveJointApplication,
  ExpressionOfInterestEvent,
  ExpressionOfInterestState
> = {
  decide: leaveJointApplication,
  evolve: evolveExpressionOfInterest,
  initialState: initialExpressionOfInterestState,
};
