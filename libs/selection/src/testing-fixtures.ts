import type { Applicant } from '@app/applications';
import { type ProgrammeRulesVersion, rulesInForce } from '@app/programmes-calls/rules';
import { completeTerms } from '@app/programmes-calls/testing-fixtures';
import type { SelectionEvent } from './selection';
import type { Submission } from './submission';

export const APPLICATION_ID = 'kkz-2011.05978000';

export const kreisUnna: Applicant = {
  ags: '05978000',
  name: 'Kreis Unna',
  type: 'kreis',
  population: 395000,
  regierungsbezirk: 'Arnsberg',
};
export const kamen: Applicant = {
  ags: '05978020',
  name: 'Kamen',
  type: 'kreisangehoerige-stadt',
  population: 43000,
  regierungsbezirk: 'Arnsberg',
};
export const luenen: Applicant = {
  ags: '05978024',
  name: 'Lünen',
  type: 'kreisangehoerige-stadt',
  population: 86000,
  regierungsbezirk: 'Arnsberg',
};

/** The 2011 call's terms as selection sees them (seed 000), with two weighted criteria. */
export const call2011 = {
  conditions: { councilResolution: 'may-follow-after-selection' as const, coordinatorRequired: true },
  fundingTiers: [
    { minPopulation: 0, maxPopulation: 99999, amountEur: 32000 },
    { minPopulation: 100000, maxPopulation: 200000, amountEur: 48000 },
    { minPopulation: 200001, amountEur: 64000 },
  ],
  closesAt: '2011-12-15T23:00:00.000Z',
  eligibleApplicantTypes: ['kreisfreie-stadt' as const, 'kreisangehoerige-stadt' as const, 'kreis' as const],
  assessmentCriteria: [
    { criterionId: 'prevention', title: 'Verbesserung der Lage von Kindern durch Prävention', weight: 3 },
    { criterionId: 'network', title: 'Vernetzung der Akteure', weight: 1 },
  ],
};

export const phaseOne: ProgrammeRulesVersion = {
  programmeId: 'kkz',
  version: 1,
  effectiveFrom: '2011-11-01',
  label: 'Förderphase I',
  rules: completeTerms({ councilResolution: 'may-follow-after-selection', resolutionFollowUpDays: 90 }),
};

/** "Brücken für Familien": Kreis Unna with Kamen and Lünen, resolution promised, submitted in time. */
export function unnaSubmission(overrides: Partial<Submission> = {}): Submission {
  const submittedAt = overrides.submittedAt ?? '2011-12-14T10:00:00.000Z';
  return {
    status: 'submitted',
    applicationId: APPLICATION_ID,
    callId: 'kkz-2011',
    programmeId: 'kkz',
    lead: kreisUnna,
    members: [kamen, luenen],
    submittedAt,
    coordinatorName: 'Koordinierungsstelle Kreis Unna',
    resolutionStatement: 'promised',
    call: {
      closesAt: call2011.closesAt,
      eligibleApplicantTypes: call2011.eligibleApplicantTypes,
      assessmentCriteria: call2011.assessmentCriteria,
      phase: 1,
    },
    rules: rulesInForce([phaseOne], call2011, submittedAt),
    committingResolutions: [],
    ...overrides,
  };
}

export const rulesV1 = { version: 1, effectiveFrom: '2011-11-01' };

/** A formal check as recorded; a failed one here failed on time. */
export function formalCheck(passed: boolean): SelectionEvent {
  return {
    type: 'FormalCheckRecorded',
    data: {
      applicationId: APPLICATION_ID,
      callId: 'kkz-2011',
      checks: {
        onTime: passed,
        eligibleApplicantType: true,
        councilResolution: 'promised',
        coordinatorNamed: true,
      },
      passed,
      reasons: [passed ? 'in time' : 'too late'],
      rules: rulesV1,
      checkedAt: '2012-01-10T09:00:00.000Z',
    },
  };
}
