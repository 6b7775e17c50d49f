import { canonicalJson, type Decider, NotFound } from '@app/eventsourcing';
import {
  AMENDABLE_TERMS,
  type AmendableTerms,
  type CallEvent,
  type CallState,
  evolveCall,
  initialCallState,
} from '../call';
import { AmendmentEmpty, CallNotAmendable, ChangeReasonMissing } from '../errors';
import { checkTerms } from '../draft-call/draft-call.decide';

export interface AmendCall {
  callId: string;
  changes: AmendableTerms;
  reason: string;
  by: string;
  now: string;
}

/**
 * The grants office changes a draft or a published call that is still open, with its reason. Only
 * the terms that really change are recorded; the amended terms pass the checks of a new call.
 * The closing moves by its own event (`CallClosingExtended`).
 */
export function amendCall(command: AmendCall, state: CallState): CallEvent[] {
  if (state.status === 'none') throw new NotFound('Call', command.callId);
  const closedByTime = Date.parse(state.terms.closesAt) <= Date.parse(command.now);
  if (state.status === 'closed' || closedByTime)
    throw new CallNotAmendable({ callId: command.callId, callStatus: 'closed' });
  const reason = command.reason.trim();
  if (reason === '') throw new ChangeReasonMissing({ what: 'amendment' });
  const changes: AmendableTerms = {};
  for (const key of AMENDABLE_TERMS) {
    const value = command.changes[key];
    if (value === undefined) continue;
    if (canonicalJson(value) === canonicalJson(state.terms[key] ?? null)) continue;
    Object.assign(changes, { [key]: value });
  }
  if (Object.keys(changes).length === 0) throw new AmendmentEmpty({ callId: command.callId });
  checkTerms({ ...state.terms, ...changes }, command.now);
  return [
    {
      type: 'CallAmended',
      data: { callId: command.callId, changes, reason, amendedBy: command.by, amendedAt: command.now },
    },
  ];
}

export const amendCallDecider: Decider<AmendCall, CallEvent, CallState> = {
  decide: amendCall,
  evolve: evolveCall,
  initialState: initialCallState,
};
