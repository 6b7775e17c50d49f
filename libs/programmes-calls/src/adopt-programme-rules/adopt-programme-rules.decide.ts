import { type Decider, NotFound } from '@app/eventsourcing';
import { checkFundingTiers } from '../call';
import {
  ReportScheduleAmbiguous,
  RulesEffectiveBeforePrevious,
  RulesEffectiveInPast,
  RulesVersionNotSequential,
} from '../errors';
import {
  evolveProgramme,
  initialProgrammeState,
  type ProgrammeEvent,
  type ProgrammeState,
} from '../programme';
import { berlinDate, type ProgrammeRulesVersion } from '../rules';

export interface AdoptProgrammeRules {
  version: ProgrammeRulesVersion;
  now: string;
}

/**
 * Versions are numbered 1, 2, … without gaps and take effect in that order: a submission is
 * decided under one version, so two versions must never compete for the same day in reverse.
 * A version takes effect today or later, never retroactively: a submission already made stays
 * under the version it recorded. The caller names the version it means to adopt, so a repeated
 * request cannot adopt it twice.
 */
export function adoptProgrammeRules(command: AdoptProgrammeRules, state: ProgrammeState): ProgrammeEvent[] {
  const { version } = command;
  if (state.status === 'none') throw new NotFound('Programme', version.programmeId);
  const previous = state.rules.at(-1);
  const expected = (previous?.version ?? 0) + 1;
  if (version.version !== expected) throw new RulesVersionNotSequential(version.version, expected);
  const today = berlinDate(command.now);
  if (version.effectiveFrom < today) throw new RulesEffectiveInPast(version.effectiveFrom, today);
  if (previous && version.effectiveFrom < previous.effectiveFrom)
    throw new RulesEffectiveBeforePrevious(version.effectiveFrom, previous);
  if (version.rules.fundingTiers) checkFundingTiers(version.rules.fundingTiers);
  const schedule = version.rules.reportSchedule;
  if (schedule?.dueMonthsAfterPeriodEnd !== undefined && schedule.dueAfterPeriodEndDays !== undefined)
    throw new ReportScheduleAmbiguous();
  return [{ type: 'ProgrammeRulesAdopted', data: version }];
}

export const adoptProgrammeRulesDecider: Decider<AdoptProgrammeRules, ProgrammeEvent, ProgrammeState> = {
  decide: adoptProgrammeRules,
  evolve: evolveProgramme,
  initialState: initialProgrammeState,
};
