import type { Decider } from '@app/eventsourcing';
import {
  type CallEvent,
  type CallState,
  type CallTerms,
  evolveCall,
  type FundingTier,
  initialCallState,
} from '../call';
import {
  CallAlreadyExists,
  ClosingDateInPast,
  InvalidFundingTiers,
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
  checkTiers(terms.fundingTiers);
  if (terms.participants && terms.participants.min > terms.participants.max) {
    throw new InvalidParticipantRange(terms.participants.min, terms.participants.max);
  }
  return [{ type: 'CallDrafted', data: terms }];
}

/** Tiers must be ordered and must not overlap, so that every population has at most one amount. */
function checkTiers(tiers: FundingTier[]): void {
  tiers.forEach((tier, i) => {
    if (tier.maxPopulation !== undefined && tier.maxPopulation < tier.minPopulation) {
      throw new InvalidFundingTiers(
        `tier ${i + 1} ends (${tier.maxPopulation}) before it starts (${tier.minPopulation}).`,
      );
    }
    const next = tiers[i + 1];
    if (!next) return;
    if (tier.maxPopulation === undefined || next.minPopulation <= tier.maxPopulation) {
      throw new InvalidFundingTiers(
        `tier ${i + 2} overlaps tier ${i + 1}; list tiers by ascending population.`,
      );
    }
  });
}

export const draftCallDecider: Decider<DraftCall, CallEvent, CallState> = {
  decide: draftCall,
  evolve: evolveCall,
  initialState: initialCallState,
};
