import { type CallEvent, type CallState, evolveCall, initialCallState } from '../call';
import { CallNotDraft, ClosingDateInPast, TermsNotInForce } from '../errors';
import { berlinDate, type ProgrammeRulesVersion, versionInForce } from '../rules';
import { type Decider, NotFound } from '@app/eventsourcing';

export interface PublishCall {
  callId: string;
  now: string;
  /** The programme's versions of its terms as its stream holds them now. */
  termsVersions: readonly ProgrammeRulesVersion[];
}

export function publishCall(command: PublishCall, state: CallState): CallEvent[] {
  if (state.status === 'none') throw new NotFound('Call', command.callId);
  if (state.status !== 'draft') throw new CallNotDraft(command.callId, state.status);
  if (Date.parse(state.terms.closesAt) <= Date.parse(command.now)) {
    throw new ClosingDateInPast(state.terms.closingDate, command.now);
  }
  // A call goes out only with terms: a version of the programme's terms must be in force on the
  // day the call first accepts submissions (its opening day, or today if that is later).
  const today = berlinDate(command.now);
  const opening = state.terms.opensOn && state.terms.opensOn > today ? state.terms.opensOn : today;
  if (!versionInForce(command.termsVersions, opening)) {
    throw new TermsNotInForce({ programmeId: state.terms.programmeId, date: opening });
  }
  return [{ type: 'CallPublished', data: { callId: command.callId, publishedAt: command.now } }];
}

export const publishCallDecider: Decider<PublishCall, CallEvent, CallState> = {
  decide: publishCall,
  evolve: evolveCall,
  initialState: initialCallState,
};
