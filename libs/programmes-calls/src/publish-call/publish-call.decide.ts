import { type CallEvent, type CallState, evolveCall, initialCallState } from '../call';
import { CallNotDraft, ClosingDateInPast } from '../errors';
import { type Decider, NotFound } from '@app/eventsourcing';

export interface PublishCall {
  callId: string;
  now: string;
}

export function publishCall(command: PublishCall, state: CallState): CallEvent[] {
  if (state.status === 'none') throw new NotFound('Call', command.callId);
  if (state.status !== 'draft') throw new CallNotDraft(command.callId, state.status);
  if (Date.parse(state.terms.closesAt) <= Date.parse(command.now)) {
    throw new ClosingDateInPast(state.terms.closingDate, command.now);
  }
  return [{ type: 'CallPublished', data: { callId: command.callId, publishedAt: command.now } }];
}

export const publishCallDecider: Decider<PublishCall, CallEvent, CallState> = {
  decide: publishCall,
  evolve: evolveCall,
  initialState: initialCallState,
};
