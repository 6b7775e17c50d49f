import { amountForPopulation, berlinDate } from '@app/programmes-calls/rules';
// Calendar days as stated; § 193 BGB is the deadline manager's business.
import { addDays } from '@app/shared/time/business-calendar';
import { FormalCheckMissing, FormalCheckNotPassed, NoFundingTier, ReasonsRequired } from './errors';
import type { CouncilResolutionDue, Outcome, SelectionState } from './selection';
import { committedAgs, namedAgs, type Submission } from './submission';

/** What a decision or its correction to this outcome needs: a recorded check, passed unless rejecting. */
export function assertDecidable(state: SelectionState, applicationId: string, outcome: Outcome): void {
  if (!state.formalCheck) throw new FormalCheckMissing(applicationId);
  if (outcome !== 'rejected' && !state.formalCheck.passed)
    throw new FormalCheckNotPassed(applicationId, outcome);
}

/** A decision states its grounds; blank lines are not grounds. */
export function statedReasons(reasons: string[]): string[] {
  const stated = reasons.map((r) => r.trim()).filter((r) => r !== '');
  if (stated.length === 0) throw new ReasonsRequired();
  return stated;
}

export interface SelectionTerms {
  amountCents: number;
  population: number;
  councilResolutionDue?: CouncilResolutionDue;
}

/**
 * What selecting a submission commits the programme to: the amount from the funding tiers in
 * force at submission by the lead's population, and, where the rules let the resolution follow
 * after selection, the municipalities whose resolution is still outstanding and the day it is due.
 */
export function selectionTerms(submission: Submission, population: number, now: string): SelectionTerms {
  const { rules } = submission.rules;
  const amountEur = amountForPopulation(rules.fundingTiers, population);
  if (amountEur === undefined) throw new NoFundingTier(submission.lead.ags, population);
  const committed = committedAgs(submission);
  const outstanding = namedAgs(submission).filter((ags) => !committed.includes(ags));
  const resolutionFollows =
    rules.councilResolution === 'may-follow-after-selection' && outstanding.length > 0;
  return {
    amountCents: amountEur * 100,
    population,
    ...(resolutionFollows
      ? {
          councilResolutionDue: {
            ags: outstanding,
            dueDate: addDays(berlinDate(now), rules.resolutionFollowUpDays),
          },
        }
      : {}),
  };
}
