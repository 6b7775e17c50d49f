import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  InvalidFundingTiers,
  ReportScheduleAmbiguous,
  RulesEffectiveBeforePrevious,
  RulesEffectiveInPast,
  RulesVersionNotSequential,
} from '../errors';
import type { ProgrammeEvent } from '../programme';
import type { ProgrammeRulesVersion } from '../rules';
import { phaseOneRules, phaseTwoRules } from '../testing-fixtures';
import { adoptProgrammeRulesDecider } from './adopt-programme-rules.decide';

const spec = deciderSpecification(adoptProgrammeRulesDecider);
const created: ProgrammeEvent = {
  type: 'ProgrammeCreated',
  data: { programmeId: 'kkz', title: 'Kein Kind zurücklassen' },
};
const adopted = (data = phaseOneRules()): ProgrammeEvent => ({ type: 'ProgrammeRulesAdopted', data });
/** Phase I was adopted in October 2011, phase II in May 2016: both before they took effect. */
const inOctober2011 = (version = phaseOneRules()) => ({ version, now: '2011-10-17T09:00:00.000Z' });
const inMay2016 = (version: ProgrammeRulesVersion) => ({ version, now: '2016-05-02T09:00:00.000Z' });

describe('adopt a version of the programme rules', () => {
  it('adopts the first version (phase I: the resolution may follow after selection)', () =>
    spec.given([created]).when(inOctober2011()).then([adopted()]));

  it('adopts phase II as version 2, effective later (resolution required at application)', () =>
    spec
      .given([created, adopted()])
      .when(inMay2016(phaseTwoRules()))
      .then([{ type: 'ProgrammeRulesAdopted', data: phaseTwoRules() }]));

  it('refuses a version number that skips or repeats one', () => {
    spec
      .given([created, adopted()])
      .when(inMay2016(phaseTwoRules({ version: 3 })))
      .thenThrows(RulesVersionNotSequential, 'rules-version-not-sequential');
    spec
      .given([created, adopted()])
      .when(inOctober2011())
      .thenThrows(RulesVersionNotSequential, 'rules-version-not-sequential');
  });

  it('refuses rules that would take effect before the day they are adopted (Berlin), accepts today', () => {
    spec
      .given([created])
      .when({ version: phaseOneRules(), now: '2011-11-09T09:00:00.000Z' })
      .thenThrows(RulesEffectiveInPast, 'rules-effective-in-past');
    // 23:30 UTC on 31 October is already 1 November in Berlin: effective today.
    spec
      .given([created])
      .when({ version: phaseOneRules(), now: '2011-10-31T23:30:00.000Z' })
      .then([adopted()]);
    spec
      .given([created])
      .when({ version: phaseOneRules(), now: '2011-11-01T23:30:00.000Z' })
      .thenThrows(RulesEffectiveInPast);
  });

  it('refuses a version that would take effect before the previous one', () =>
    spec
      .given([created, adopted()])
      .when(inOctober2011(phaseTwoRules({ effectiveFrom: '2011-10-31' })))
      .thenThrows(RulesEffectiveBeforePrevious, 'rules-effective-before-previous'));

  it('accepts a version effective on the same day as the previous one: the later version wins', () =>
    spec
      .given([created, adopted()])
      .when(inOctober2011(phaseTwoRules({ effectiveFrom: '2011-11-01' })))
      .then([{ type: 'ProgrammeRulesAdopted', data: phaseTwoRules({ effectiveFrom: '2011-11-01' }) }]));

  it('refuses overlapping funding tiers', () =>
    spec
      .given([created])
      .when(
        inOctober2011(
          phaseOneRules({
            rules: {
              fundingTiers: [
                { minPopulation: 0, maxPopulation: 150000, amountEur: 32000 },
                { minPopulation: 100000, amountEur: 64000 },
              ],
            },
          }),
        ),
      )
      .thenThrows(InvalidFundingTiers, 'invalid-funding-tiers'));

  it('takes a report schedule due in months or in days, never both', () => {
    const schedule = (reportSchedule: object) =>
      inOctober2011(phaseOneRules({ rules: { reportSchedule } as ProgrammeRulesVersion['rules'] }));
    for (const due of [{ dueMonthsAfterPeriodEnd: 4 }, { dueAfterPeriodEndDays: 30 }, {}])
      spec
        .given([created])
        .when(schedule({ frequency: 'annual', ...due }))
        .then([adopted(schedule({ frequency: 'annual', ...due }).version)]);
    spec
      .given([created])
      .when(schedule({ frequency: 'annual', dueMonthsAfterPeriodEnd: 4, dueAfterPeriodEndDays: 120 }))
      .thenThrows(ReportScheduleAmbiguous, 'report-schedule-ambiguous');
  });

  it('answers not found for a programme that does not exist', () =>
    spec.given([]).when(inOctober2011()).thenThrows(NotFound, 'not-found'));
});
