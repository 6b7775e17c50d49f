import { type Decider, NotFound } from '@app/eventsourcing';
import { checkFundingTiers } from '../call';
import { RulesEffectiveBeforePrevious, RulesVersionNotSequential } from '../errors';
import {
  evolveProgramme,
  initialProgrammeState,
  type ProgrammeEvent,
  type ProgrammeState,
} from '../programme';
import type { ProgrammeRulesVersion } from '../programme-rules';

export type AdoptProgrammeRules = ProgrammeRulesVersion;

/**
 * Versions are numbered 1, 2, … without gaps and take effect in that order: a submission is
 * decided under one version, so two versions must never compete for the same day in reverse.
 * The caller names the version it means to adopt, so a repeated request cannot adopt it twice.
 */
export function adoptProgrammeRules(command: AdoptProgrammeRules, state: ProgrammeState): ProgrammeEvent[] {
  if (state.status === 'none') throw new NotFound('Programme', command.programmeId);
  const previous = state.rules.at(-1);
  const expected = (previous?.version ?? 0) + 1;
  if (command.version !== expected) throw new RulesVersionNotSequential(command.version, expected);
  if (previous && command.effectiveFrom < previous.effectiveFrom)
    throw new RulesEffectiveBeforePrevious(command.effectiveFrom, previous);
  if (command.rules.fundingTiers) checkFundingTiers(command.rules.fundingTiers);
  return [{ type: 'ProgrammeRulesAdopted', data: command }];
}

export const adoptProgrammeRulesDecider: Decider<AdoptProgrammeRules, ProgrammeEvent, ProgrammeState> = {
  decide: adoptProgrammeRules,
  evolve: evolveProgramme,
  initialState: initialProgrammeState,
};
