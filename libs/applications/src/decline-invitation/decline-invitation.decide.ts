import { type Decider, NotFound } from '@app/eventsourcing';
import { InvitationNotOpen } from '../errors';
import {
  evolveExpressionOfInterest,
  type ExpressionOfInterestEvent,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
} from '../expression-of-interest';
import { requireInvitation } from '../joint-application';

export interface DeclineInvitation {
  applicationId: string;
  ags: string;
  /** Why, in the municipality's words (e.g. its council decided against taking part). */
  reason?: string;
}

/**
 * An invited municipality says no. It was never bound, so it stays free to apply on its own or
 * join another; declining twice changes nothing. A confirmed member leaves instead.
 */
export function declineInvitation(
  command: DeclineInvitation,
  state: ExpressionOfInterestState,
): ExpressionOfInterestEvent[] {
  const { applicationId, ags, reason } = command;
  if (state.status === 'none') throw new NotFound('Expression of interest', applicationId);
  const invitation = requireInvitation(state.invitations, applicationId, ags);
  if (invitation.status === 'declined') return [];
  if (invitation.status !== 'invited')
    throw new InvitationNotOpen({ applicationId, ags, status: invitation.status });
  return [
    {
      type: 'JointApplicationInvitationDeclined',
      data: { applicationId, callId: state.callId, ags, ...(reason ? { reason } : {}) },
    },
  ];
}

export const declineInvitationDecider: Decider<
  DeclineInvitation,
  ExpressionOfInterestEvent,
  ExpressionOfInterestState
> = {
  decide: declineInvitation,
  evolve: evolveExpressionOfInterest,
  initialState: initialExpressionOfInterestState,
};
