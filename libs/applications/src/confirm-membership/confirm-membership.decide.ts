import { type Decider, NotFound } from '@app/eventsourcing';
import { assertCallOpen, type CallFacts } from '../call-facts';
import { CallClosed, InvitationNotOpen } from '../errors';
import {
  evolveExpressionOfInterest,
  type ExpressionOfInterestEvent,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
} from '../expression-of-interest';
import { requireInvitation } from '../joint-application';

export interface ConfirmMembership {
  applicationId: string;
  /** The invited municipality, acting for itself. */
  ags: string;
  call: CallFacts;
  now: string;
}

/**
 * An invited municipality joins the joint application: its own act, the counterpart of its
 * council's decision to take part (seed 004). Only an open invitation can be confirmed, and only
 * while the call is open; confirming twice changes nothing.
 */
export function confirmMembership(
  command: ConfirmMembership,
  state: ExpressionOfInterestState,
): ExpressionOfInterestEvent[] {
  const { applicationId, ags, call } = command;
  if (state.status === 'none') throw new NotFound('Expression of interest', applicationId);
  const invitation = requireInvitation(state.invitations, applicationId, ags);
  if (invitation.status === 'confirmed') return [];
  if (invitation.status !== 'invited')
    throw new InvitationNotOpen({ applicationId, ags, status: invitation.status });
  assertCallOpen(call);
  if (Date.parse(command.now) >= Date.parse(call.closesAt))
    throw new CallClosed({ callId: state.callId, closesAt: call.closesAt });
  return [
    { type: 'JointApplicationMembershipConfirmed', data: { applicationId, callId: state.callId, ags } },
  ];
}

export const confirmMembershipDecider: Decider<
  ConfirmMembership,
  ExpressionOfInterestEvent,
  ExpressionOfInterestState
> = {
  decide: confirmMembership,
  evolve: evolveExpressionOfInterest,
  initialState: initialExpressionOfInterestState,
};
