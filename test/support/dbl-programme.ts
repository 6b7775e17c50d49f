import { EXPRESSION_OF_INTEREST_BRUECKEN } from '@app/shared';

/**
 * The example of issue 12, "Digitale Bildungslandschaften NRW 2026", as data: a programme that is
 * not the 2011 one (Bund 50 %, Land 30 %, own funds at least 20 %, no ESF; phases "Aufbau" and
 * "Verstetigung"; quarterly reports with its own indicators) and its call for kreisangehörige
 * Gemeinden and Kreise. Shared by the tests that drive it (calls, lifecycle).
 */
export const PROGRAMME_DBL = {
  programmeId: 'dbl',
  title: 'Digitale Bildungslandschaften NRW 2026',
  sender: { name: 'Ministerium für Schule und Bildung NRW' },
  holidayRegion: 'NW',
};

/** The programme's terms: Bund 50 %, Land 30 %, own funds at least 20 %, quarterly reports, two phases. */
export const TERMS_DBL = {
  sources: [
    { sourceId: 'bund', name: 'Bund', kind: 'grant', maxPercent: 50 },
    { sourceId: 'land', name: 'Land NRW', kind: 'grant', maxPercent: 30 },
    { sourceId: 'own', name: 'Eigenmittel', kind: 'own', minPercent: 20 },
  ],
  councilResolution: 'not-required',
  resolutionFollowUpDays: 60,
  coordinatorRequired: false,
  disbursementWindowMonths: 2,
  proofOfUseMonths: 6,
  interestPointsAboveBaseRate: 5,
  reporting: {
    schedule: { frequency: 'quarterly', anchor: 'calendar', due: { daysAfterPeriodEnd: 30 } },
    indicators: [
      {
        indicatorId: 'schools-connected',
        name: 'Schulen angebunden',
        unit: 'Anzahl',
        type: 'integer',
        required: true,
      },
      {
        indicatorId: 'staff-qualified',
        name: 'Fachkräfte qualifiziert',
        unit: 'Personen',
        type: 'integer',
        required: true,
      },
    ],
  },
  phases: [
    { phaseId: 'aufbau', name: 'Aufbau', durationMonths: 18 },
    { phaseId: 'verstetigung', name: 'Verstetigung', durationMonths: 24 },
  ],
};

export const CALL_DBL = 'dbl-2026';

/** Its call: closing Sunday 15 March 2026 under the statutory shift, three tiers, 1.2 M €, at most 12. */
export const CALL_TERMS_DBL = {
  callId: CALL_DBL,
  title: 'Aufruf „Digitale Bildungslandschaften NRW 2026“',
  eligibleApplicantTypes: ['kreisangehoerige-gemeinde', 'kreis'],
  opensOn: '2026-01-12',
  closing: { date: '2026-03-15', rule: 'statutory-shift' },
  fundingTiers: [
    { minPopulation: 0, maxPopulation: 29_999, amountEur: 40_000 },
    { minPopulation: 30_000, maxPopulation: 150_000, amountEur: 90_000 },
    { minPopulation: 150_001, amountEur: 150_000 },
  ],
  conditions: { councilResolution: 'not-required', coordinatorRequired: false },
  participants: { min: 3, max: 12 },
  budgetCents: 120_000_000,
  phaseId: 'aufbau',
  assessmentCriteria: [
    { criterionId: 'concept', title: 'Medienkonzept der Schulen', weight: 60 },
    { criterionId: 'network', title: 'Bildungsnetzwerk vor Ort', weight: 40 },
  ],
  crossSection: {
    dimensions: ['municipality-type', 'population-band'],
    populationBands: [
      { bandId: 'under-30k', minPopulation: 0, maxPopulation: 29_999 },
      { bandId: '30k-150k', minPopulation: 30_000, maxPopulation: 150_000 },
      { bandId: 'over-150k', minPopulation: 150_001 },
    ],
  },
  form: {
    fields: [
      { fieldId: 'schools', label: 'Beteiligte Schulen', type: 'number', required: true },
      { fieldId: 'concept', label: 'Medienkonzept', type: 'long-text', required: true, maxLength: 20000 },
    ],
  },
};

/** An expression of interest on this call's own form (not the 2011 one), with the plan and coordinator every call asks. */
export const EOI_DBL = {
  financialPlan: EXPRESSION_OF_INTEREST_BRUECKEN.financialPlan,
  coordinator: EXPRESSION_OF_INTEREST_BRUECKEN.coordinator,
  councilResolution: EXPRESSION_OF_INTEREST_BRUECKEN.councilResolution,
  answers: {
    schools: 14,
    concept: 'Medienkonzept der Grund- und Förderschulen, mit Fortbildung der Lehrkräfte',
  },
};

/**
 * The office's formal check ("vollständig") and its assessment of a DBL submission by the call's
 * two criteria, each answered 201: the steps before a selection decision.
 */
export async function checkAndAssessDbl(
  http: { post(path: string): import('supertest').Test },
  office: Record<string, string>,
  applicationId: string,
  [concept, network]: [number, number],
): Promise<void> {
  const eoi = `/expressions-of-interest/${applicationId}`;
  await http
    .post(`${eoi}/formal-check`)
    .set(office)
    .send({ reasons: ['vollständig'] })
    .expect(201);
  await http
    .post(`${eoi}/assessments`)
    .set(office)
    .send({
      scores: [
        { criterionId: 'concept', score: concept },
        { criterionId: 'network', score: network },
      ],
    })
    .expect(201);
}
