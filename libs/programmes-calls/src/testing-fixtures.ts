import type { CallTerms } from './call';

/** The 2011 call of "Kein Kind zurücklassen" (seed 000): closing 15 Dec 2011, tiers 32,000–64,000 EUR. */
export function call2011Terms(overrides: Partial<CallTerms> = {}): CallTerms {
  return {
    callId: 'kkz-2011',
    programmeId: 'kkz',
    title: 'Aufruf zur Interessensbekundung „Kommunale Präventionsketten“',
    eligibleApplicantTypes: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'],
    kickOffDate: '2011-11-09',
    closingDate: '2011-12-15',
    closesAt: '2011-12-15T23:00:00.000Z',
    fundingTiers: [
      { minPopulation: 0, maxPopulation: 99999, amountEur: 32000 },
      { minPopulation: 100000, maxPopulation: 200000, amountEur: 48000 },
      { minPopulation: 200001, amountEur: 64000 },
    ],
    conditions: { councilResolution: 'may-follow-after-selection', coordinatorRequired: true },
    participants: { min: 10, max: 15 },
    ...overrides,
  };
}
