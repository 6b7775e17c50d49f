/** The 2011 call of seed 000 and the expression of interest of seed 004, as HTTP bodies. */
export const CALL_2011 = {
  callId: 'kkz-2011',
  title: 'Aufruf zur Interessensbekundung „Kommunale Präventionsketten“',
  eligibleApplicantTypes: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'],
  kickOffDate: '2011-11-09',
  closingDate: '2011-12-15',
  fundingTiers: [
    { minPopulation: 0, maxPopulation: 99999, amountEur: 32000 },
    { minPopulation: 100000, maxPopulation: 200000, amountEur: 48000 },
    { minPopulation: 200001, amountEur: 64000 },
  ],
  conditions: { councilResolution: 'may-follow-after-selection', coordinatorRequired: true },
  participants: { min: 10, max: 15 },
};

export const PROGRAMME = { programmeId: 'kkz', title: 'Kein Kind zurücklassen – Kommunen in NRW beugen vor' };

export const BRUECKEN = {
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

export const KREIS_UNNA = '05978000';
export const UNNA_MEMBERS = ['05978020', '05978024', '05978032', '05978036'];
export const OBERHAUSEN = '05119000';
export const DORTMUND = '05913000';
