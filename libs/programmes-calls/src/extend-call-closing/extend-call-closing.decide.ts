import { type Decider, NotFound } from '@app/eventsourcing';
import { type CallClosing, type CallEvent, type CallState, evolveCall, initialCallState } from '../call';
import { CallNotPublished, ChangeReasonMissing, ClosingNotLater } from '../errors';

export interface ExtendCallClosing {
  callId: string;
  /** The new closing, computed by the handler with the programme's holiday calendar. */
  closing: CallClosing;
  closesAt: string;
  reason: string;
  by: string;
  now: string;
}

/**
 * The grants office gives a published call that is still open a later closing, with its reason.
 * The call-closes deadline follows (the deadline manager records `DeadlineExtended`).
 */
export function extendCallClosing(command: ExtendCallClosing, state: CallState): CallEvent[] {
  if (state.status === 'none') throw new NotFound('Call', command.callId);
  const closedByTime = Date.parse(state.terms.closesAt) <= Date.parse(command.now);
  if (state.status !== 'published' || closedByTime)
    throw new CallNotPublished({
      callId: command.callId,
      callStatus: state.status === 'draft' ? 'draft' : 'closed',
    });
  const reason = command.reason.trim();
  if (reason === '') throw new ChangeReasonMissing({ what: 'extension' });
  if (Date.parse(command.closesAt) <= Date.parse(state.terms.closesAt))
    throw new ClosingNotLater({ closesAt: command.closesAt, previousClosesAt: state.terms.closesAt });
  return [
    {
      type: 'CallClosingExtended',
      data: {
        callId: command.callId,
        closing: command.closing,
        closesAt: command.closesAt,
        previousClosesAt: state.terms.closesAt,
        reason,
        extendedBy: command.by,
        extendedAt: command.now,
      },
    },
  ];
}

export const extendCallClosingDecider: Decider<ExtendCallClosing, CallEvent, CallState> = {
  decide: extendCallClosing,
  evolve: evolveCall,
  initialState: initialCallState,
};
