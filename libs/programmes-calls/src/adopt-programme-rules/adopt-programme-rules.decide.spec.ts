import { type DomainError, NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  InvalidFundingTiers,
  ProgrammeTermsInvalid,
  ReportScheduleAmbiguous,
  RulesEffectiveBeforePrevious,
  RulesEffectiveInPast,
  RulesVersionNotSequential,
} from '../errors';
import { evolveProgramme, initialProgrammeState, type ProgrammeEvent } from '../programme';
import type { ReportDue } from '../rules';
import {
  type CompleteRulesVersion,
  completeTerms,
  phaseOneRules,
  phaseTwoRules,
  programmeKkz,
} from '../testing-fixtures';
import { adoptProgrammeRules, adoptProgrammeRulesDecider } from './adopt-programme-rules.decide';

function catchError(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('nothing was refused');
}

const spec = deciderSpecification(adoptProgrammeRulesDecider);
const created: ProgrammeEvent = { type: 'ProgrammeCreated', data: programmeKkz };
const adopted = (data = phaseOneRules()): ProgrammeEvent => ({ type: 'ProgrammeRulesAdopted', data });
/** Phase I was adopted in October 2011, phase II in May 2016: both before they took effect. */
const inOctober2011 = (version = phaseOneRules()) => ({ version, now: '2011-10-17T09:00:00.000Z' });
const inMay2016 = (version: CompleteRulesVersion) => ({ version, now: '2016-05-02T09:00:00.000Z' });

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
            rules: completeTerms({
              fundingTiers: [
                { minPopulation: 0, maxPopulation: 150000, amountEur: 32000 },
                { minPopulation: 100000, amountEur: 64000 },
              ],
            }),
          }),
        ),
      )
      .thenThrows(InvalidFundingTiers, 'invalid-funding-tiers'));

  it('takes a report schedule due in months or in days, never both nor neither', () => {
    const due = (d: object) =>
      inOctober2011(
        phaseOneRules({
          rules: completeTerms({
            reporting: {
              schedule: { frequency: 'quarterly', anchor: 'grant-period', due: d as ReportDue },
              indicators: [],
            },
          }),
        }),
      );
    for (const ok of [{ monthsAfterPeriodEnd: 4 }, { daysAfterPeriodEnd: 30 }])
      spec
        .given([created])
        .when(due(ok))
        .then([adopted(due(ok).version)]);
    for (const wrong of [{ monthsAfterPeriodEnd: 4, daysAfterPeriodEnd: 120 }, {}])
      spec.given([created]).when(due(wrong)).thenThrows(ReportScheduleAmbiguous, 'report-schedule-ambiguous');
  });

  it('adopts terms of a programme without ESF: Bund 50 %, Land 30 %, own funds at least 20 %, one phase', () => {
    const digital = phaseOneRules({
      rules: completeTerms({
        sources: [
          { sourceId: 'bund', name: 'Bund', kind: 'grant', maxPercent: 50 },
          { sourceId: 'land', name: 'Land NRW', kind: 'grant', maxPercent: 30 },
          { sourceId: 'own', name: 'Eigenmittel', kind: 'own', minPercent: 20 },
        ],
        phases: [{ phaseId: 'aufbau', name: 'Aufbau', durationMonths: 18 }],
      }),
    });
    spec
      .given([created])
      .when(inOctober2011(digital))
      .then([adopted(digital)]);
  });

  it('refuses terms that contradict themselves, naming the part in German', () => {
    const refused = (terms: Parameters<typeof completeTerms>[0], field: string, de: RegExp) => {
      const command = inOctober2011(phaseOneRules({ rules: completeTerms(terms) }));
      spec.given([created]).when(command).thenThrows(ProgrammeTermsInvalid, 'programme-terms-invalid');
      const state = evolveProgramme(initialProgrammeState(), created);
      const error = catchError(() => adoptProgrammeRules(command, state));
      expect(error.details).toEqual(expect.objectContaining({ field }));
      expect(error.text('de')).toMatch(de);
    };
    refused(
      { sources: [{ sourceId: 'own', name: 'Eigenmittel', kind: 'own', minPercent: 100 }] },
      'sources',
      /Zuwendung/,
    );
    refused(
      {
        sources: [
          { sourceId: 'land', name: 'Land', kind: 'grant', maxPercent: 50 },
          { sourceId: 'land', name: 'Land', kind: 'grant', maxPercent: 50 },
        ],
      },
      'sources',
      /Quelle land ist doppelt/,
    );
    refused(
      {
        sources: [
          { sourceId: 'land', name: 'Land', kind: 'grant', minPercent: 60, maxPercent: 80 },
          { sourceId: 'own', name: 'Eigenmittel', kind: 'own', minPercent: 50 },
        ],
      },
      'sources',
      /110 %/,
    );
    refused(
      { sources: [{ sourceId: 'land', name: 'Land', kind: 'grant', minPercent: 60, maxPercent: 50 }] },
      'sources',
      /Mindestanteil von Land/,
    );
    refused(
      {
        phases: [
          { phaseId: 'a', name: 'A' },
          { phaseId: 'a', name: 'B' },
        ],
      },
      'phases',
      /Phase a/,
    );
    refused(
      { phases: [{ phaseId: 'a', name: 'A', from: '2027-01-01', to: '2026-12-31' }] },
      'phases',
      /endet/,
    );
  });

  it('answers not found for a programme that does not exist', () =>
    spec.given([]).when(inOctober2011()).thenThrows(NotFound, 'not-found'));
});
