import type { MunicipalityType } from '../municipalities/municipality-registry';
/**
 * The real programme of the seeds as HTTP request bodies: the 2011 call (seed 000: kick-off
 * 9 Nov 2011, closing 15 Dec 2011, 32,000–64,000 EUR by size, more than 200,000 inhabitants →
 * 64,000; the middle tier is an assumption) and the joint expression of interest "Brücken für
 * Familien" of Kreis Unna (seed 004). Used by the tests, the benchmark and the demo.
 */
export const PROGRAMME_KKZ = {
  programmeId: 'kkz',
  title: 'Kein Kind zurücklassen – Kommunen in NRW beugen vor',
  shortTitle: 'Kein Kind zurücklassen',
  sender: {
    name: 'Ministerium für Familie, Kinder, Jugend, Kultur und Sport des Landes Nordrhein-Westfalen',
  },
  holidayRegion: 'NW' as const,
};

/**
 * The programme's terms of phase I as a request body (`POST /programmes/kkz/rules`, `rules`):
 * ESF at most 50 %, Land at most 25 %, own funds at least 25 % of the eligible total; the council
 * resolution may follow within 90 days of selection; yearly reports due 30 April with the ESF
 * common indicator "public administrations supported"; phases I and II.
 */
export const TERMS_KKZ = {
  sources: [
    { sourceId: 'esf', name: 'ESF', kind: 'grant' as const, maxPercent: 50 },
    { sourceId: 'land', name: 'Land', kind: 'grant' as const, maxPercent: 25 },
    { sourceId: 'own', name: 'Eigenmittel', kind: 'own' as const, minPercent: 25 },
  ],
  councilResolution: 'may-follow-after-selection' as 'may-follow-after-selection' | 'required-at-submission',
  resolutionFollowUpDays: 90,
  coordinatorRequired: true,
  disbursementWindowMonths: 2,
  proofOfUseMonths: 6,
  interestPointsAboveBaseRate: 5,
  reporting: {
    schedule: {
      frequency: 'annual' as 'annual' | 'semiannual' | 'quarterly',
      anchor: 'calendar' as 'calendar' | 'grant-period',
      due: { monthsAfterPeriodEnd: 4 } as { monthsAfterPeriodEnd: number } | { daysAfterPeriodEnd: number },
    },
    indicators: [
      {
        indicatorId: 'publicAdministrationsSupported',
        name: 'Unterstützte öffentliche Verwaltungen',
        unit: 'Anzahl',
        type: 'integer' as const,
        required: true,
        catalogue: 'esf-common-indicators',
      },
      {
        indicatorId: 'participants',
        name: 'Teilnehmende',
        unit: 'Personen',
        type: 'integer' as const,
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

export const CALL_2011 = {
  callId: 'kkz-2011',
  title: 'Aufruf zur Interessensbekundung „Kommunale Präventionsketten“',
  eligibleApplicantTypes: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'] as MunicipalityType[],
  kickOffDate: '2011-11-09',
  closingDate: '2011-12-15',
  fundingTiers: [
    { minPopulation: 0, maxPopulation: 99999, amountEur: 32000 },
    { minPopulation: 100000, maxPopulation: 200000, amountEur: 48000 },
    { minPopulation: 200001, amountEur: 64000 },
  ],
  conditions: { councilResolution: 'may-follow-after-selection' as const, coordinatorRequired: true },
  participants: { min: 10, max: 15 },
  /** The cross-section the 2011 selection was made for: type, Regierungsbezirk, size band, own Jugendamt. */
  crossSection: {
    dimensions: ['municipality-type', 'regierungsbezirk', 'population-band', 'own-youth-office'] as (
      'municipality-type' | 'regierungsbezirk' | 'population-band' | 'own-youth-office'
    )[],
    populationBands: [
      { bandId: 'under-50k', minPopulation: 0, maxPopulation: 49_999 },
      { bandId: '50k-100k', minPopulation: 50_000, maxPopulation: 99_999 },
      { bandId: '100k-200k', minPopulation: 100_000, maxPopulation: 200_000 },
      { bandId: 'over-200k', minPopulation: 200_001 },
    ],
  },
};

export const EXPRESSION_OF_INTEREST_BRUECKEN = {
  motto: 'Brücken für Familien',
  existingActivities: 'Netzwerke in Jugendhilfe, Gesundheit und Bildung',
  goals: 'Benachteiligungen von Familien in prekären Soziallagen abbauen',
  measures: 'Bündelung der Netzwerke und eine Verantwortungsgemeinschaft',
  successCriteria: 'Erreichbarkeit der Angebote',
  difficulties: 'Abstimmung zwischen fünf Verwaltungen',
  financialPlan: { ownContributionEur: 40000, ownContributionKind: 'staff-costs' as const },
  nextSteps: 'Kreistagsbeschluss nach erfolgreicher Bewerbung',
  coordinator: { name: 'Koordinierungsstelle Kreis Unna' },
  councilResolution: { status: 'promised' as const },
};

/** Kreis Unna leads; Kamen, Lünen, Selm and the Kreisstadt Unna are members. */
export const KREIS_UNNA_AGS = '05978000';
export const KREIS_UNNA_MEMBER_AGS = ['05978020', '05978024', '05978032', '05978036'];

/** The scale of the online survey of 2017/2018 (seed 003) as a request body (`scale` of a survey). */
export const SURVEY_SCALE_2018 = {
  steps: [
    { stepId: 'not', label: 'gar nicht' },
    { stepId: 'partly', label: 'teilweise' },
    { stepId: 'largely', label: 'weitgehend' },
    { stepId: 'fully', label: 'vollständig' },
  ],
};

/**
 * The criteria of the final evaluation 2018 (seed 003: "Umsetzung, Zielerreichung, Wirksamkeit,
 * Nachhaltigkeit, Wirtschaftlichkeit, Synergie und Kohärenz") as a request body (`criteria`).
 */
export const EVALUATION_CRITERIA_2018 = [
  { criterionId: 'implementation', name: 'Umsetzung' },
  { criterionId: 'goal-attainment', name: 'Zielerreichung' },
  { criterionId: 'effectiveness', name: 'Wirksamkeit' },
  { criterionId: 'sustainability', name: 'Nachhaltigkeit' },
  { criterionId: 'efficiency', name: 'Wirtschaftlichkeit' },
  { criterionId: 'synergy', name: 'Synergie' },
  { criterionId: 'coherence', name: 'Kohärenz' },
];
