import type { Decider } from '@app/eventsourcing';
import {
  type AssessmentCriterion,
  type CallEvent,
  type CallState,
  type CallTerms,
  checkFundingTiers,
  evolveCall,
  initialCallState,
} from '../call';
import {
  CallAlreadyExists,
  ClosingDateInPast,
  DuplicateAssessmentCriterion,
  InvalidParticipantRange,
  KickOffAfterClosing,
  UnknownProgramme,
} from '../errors';

export interface DraftCall {
  terms: CallTerms;
  /** Outside facts, gathered by the handler. */
  programmeExists: boolean;
  now: string;
}

export function draftCall(command: DraftCall, state: CallState): CallEvent[] {
  const { terms, now } = command;
  if (state.status !== 'none') throw new CallAlreadyExists(terms.callId);
  if (!command.programmeExists) throw new UnknownProgramme(terms.programmeId);
  if (Date.parse(terms.closesAt) <= Date.parse(now)) throw new ClosingDateInPast(terms.closingDate, now);
  if (terms.kickOffDate && terms.kickOffDate > terms.closingDate) {
    throw new KickOffAfterClosing(terms.kickOffDate, terms.closingDate);
  }
  checkFundingTiers(terms.fundingTiers);
  checkAssessmentCriteria(terms.assessmentCriteria ?? []);
  if (terms.participants && terms.participants.min > terms.participants.max) {
    throw new InvalidParticipantRange(terms.participants.min, terms.participants.max);
  }
  return [{ type: 'CallDrafted', data: terms }];
}

/** Each criterion is scored once per assessment, so its id must name one criterion only. */
function checkAssessmentCriteria(criteria: AssessmentCriterion[]): void {
  const seen = new Set<string>();
  for (const { criterionId } of criteria) {
    if (seen.has(criterionId)) throw new DuplicateAssessmentCriterion(criterionId);
    seen.add(criterionId);
  }
}

export const draftCallDecider: Decider<DraftCall, CallEvent, CallState> = {
  decide: draftCall,
  evolve: evolveCall,
  initialState: initialCallState,
};
