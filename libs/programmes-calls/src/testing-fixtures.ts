import { PROGRAMME_KKZ, TERMS_KKZ } from '@app/shared/seed/programme-2011';
import type { CallTerms } from './call';
import type { ProgrammeCreatedData } from './programme';
import type { ProgrammeRulesVersion, ProgrammeTerms } from './rules';

/** `ProgrammeCreated` of the 2011 programme, as today's code writes it. */
export const programmeKkz: ProgrammeCreatedData = { ...PROGRAMME_KKZ };

/** Complete terms: those of the 2011 programme's phase I, with what a test changes. */
export function completeTerms(overrides: Partial<ProgrammeTerms> = {}): ProgrammeTerms {
  return structuredClone({ ...TERMS_KKZ, ...overrides });
}

/** A version as adopted today (complete terms). */
export type CompleteRulesVersion = Omit<ProgrammeRulesVersion, 'rules'> & { rules: ProgrammeTerms };

/** The 2011 call of "Kein Kind zurücklassen" (seed 000): closing 15 Dec 2011, tiers 32,000–64,000 EUR. */
export function call2011Terms(overrides: Partial<CallTerms> = {}): CallTerms {
  return {
    callId: 'kkz-2011',
    programmeId: 'kkz',
    title: 'Aufruf zur Interessensbekundung „Kommunale Präventionsketten“',
    eligibleApplicantTypes: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'],
    kickOffDate: '2011-11-09',
    closing: { date: '2011-12-15', rule: 'fixed', lastDay: '2011-12-15', holidayRegion: 'NW' },
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

/** Phase I (2011 call): the council resolution may follow after a successful application. */
export function phaseOneRules(overrides: Partial<CompleteRulesVersion> = {}): CompleteRulesVersion {
  return {
    programmeId: 'kkz',
    version: 1,
    effectiveFrom: '2011-11-01',
    label: 'Förderphase I',
    rules: completeTerms(),
    ...overrides,
  };
}

/** Phase II (from 2016/2017): resolution required at application, goals set by the Land. */
export function phaseTwoRules(overrides: Partial<CompleteRulesVersion> = {}): CompleteRulesVersion {
  return {
    programmeId: 'kkz',
    version: 2,
    effectiveFrom: '2016-06-01',
    label: 'Förderphase II: Ziele vom Land gesetzt',
    rules: completeTerms({ councilResolution: 'required-at-submission', resolutionFollowUpDays: 60 }),
    ...overrides,
  };
}
