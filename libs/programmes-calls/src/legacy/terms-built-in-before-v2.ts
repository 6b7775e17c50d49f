import type { ProgrammeTerms } from '../rules';

/**
 * What code before programme terms v2 filled in where a rules version (or, with no version in
 * force, the call) said nothing: the terms of the 2011 programme "Kein Kind zurücklassen". They
 * describe history only: the upcasters write them into the versions they read, and decisions
 * stored under "the call's own terms" (version 0) are rebuilt with them. No new decision uses
 * them: a version adopted today is complete, and with none in force nothing is decided.
 */
export const TERMS_BUILT_IN_BEFORE_V2: Omit<ProgrammeTerms, 'councilResolution' | 'coordinatorRequired'> = {
  sources: [
    { sourceId: 'esf', name: 'ESF', kind: 'grant', maxPercent: 50 },
    { sourceId: 'land', name: 'Land', kind: 'grant', maxPercent: 25 },
    { sourceId: 'own', name: 'Eigenmittel', kind: 'own', minPercent: 25 },
  ],
  resolutionFollowUpDays: 90,
  disbursementWindowMonths: 2,
  proofOfUseMonths: 6,
  interestPointsAboveBaseRate: 5,
  reporting: {
    // Zwischennachweis by 30 April for the year before: the last day of the 4th month after December.
    schedule: { frequency: 'annual', anchor: 'calendar', due: { monthsAfterPeriodEnd: 4 } },
    indicators: [
      {
        indicatorId: 'publicAdministrationsSupported',
        name: 'Unterstützte öffentliche Verwaltungen',
        unit: 'Anzahl',
        type: 'integer',
        required: true,
        catalogue: 'esf-common-indicators',
      },
      {
        indicatorId: 'participants',
        name: 'Teilnehmende',
        unit: 'Personen',
        type: 'integer',
        required: false,
        catalogue: 'esf-common-indicators',
      },
    ],
  },
  phases: [
    { phaseId: 'phase-1', name: 'Förderphase I' },
    { phaseId: 'phase-2', name: 'Förderphase II' },
  ],
};

/** The only holiday calendar code before `ProgrammeCreated` v2 knew: North Rhine-Westphalia. */
export const HOLIDAY_REGION_BEFORE_V2 = 'NW';
