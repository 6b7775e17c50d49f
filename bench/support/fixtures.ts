/**
 * HTTP bodies for the bench, copied from test/support/fixtures.ts (test/ is not compiled into
 * dist). The expression of interest is a realistic one, so validation and hashing do real work.
 */
export const BENCH_PROGRAMME = { programmeId: 'bench', title: 'Benchmark programme' };

/** Far in the future: the API runs on the real clock, and every submission must be on time. */
const CLOSING_DATE = '2099-12-31';

export function benchCall(callId: string) {
  return {
    callId,
    title: `Benchmark call ${callId}`,
    eligibleApplicantTypes: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'],
    closingDate: CLOSING_DATE,
    fundingTiers: [
      { minPopulation: 0, maxPopulation: 99999, amountEur: 32000 },
      { minPopulation: 100000, maxPopulation: 200000, amountEur: 48000 },
      { minPopulation: 200001, amountEur: 64000 },
    ],
    conditions: { councilResolution: 'may-follow-after-selection', coordinatorRequired: true },
    participants: { min: 10, max: 15 },
  };
}

export const EXPRESSION_OF_INTEREST = {
  motto: 'Brücken für Familien',
  existingActivities: 'Netzwerke in Jugendhilfe, Gesundheit und Bildung',
  goals: 'Benachteiligungen von Familien in prekären Soziallagen abbauen',
  measures: 'Bündelung der Netzwerke und eine Verantwortungsgemeinschaft',
  successCriteria: 'Erreichbarkeit der Angebote',
  difficulties: 'Abstimmung zwischen fünf Verwaltungen',
  financialPlan: { ownContributionEur: 40000, ownContributionKind: 'staff-costs' },
  nextSteps: 'Kreistagsbeschluss nach erfolgreicher Bewerbung',
  coordinator: { name: 'Koordinierungsstelle Kreis Unna' },
  councilResolution: { status: 'promised' },
};
