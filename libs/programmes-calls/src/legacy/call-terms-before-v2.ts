import type { CallForm, CrossSection } from '../call';

/**
 * What earlier code built into every call, before calls carried these terms themselves. Used by
 * the `CallDrafted` v1 → v2 upcaster only, never for a new call: a v1 call was decided under
 * exactly these, so they are what its history means.
 */

/** The expression-of-interest form of 2011 (the fields the code of the first programme knew). */
export const FORM_BUILT_IN_BEFORE_V2: CallForm = {
  fields: [
    { fieldId: 'motto', label: 'Motto', type: 'text', required: true, maxLength: 300 },
    {
      fieldId: 'existingActivities',
      label: 'Bestehende Aktivitäten und Netzwerke',
      type: 'long-text',
      required: true,
      maxLength: 20000,
    },
    { fieldId: 'goals', label: 'Ziele', type: 'long-text', required: true, maxLength: 20000 },
    { fieldId: 'measures', label: 'Geplante Maßnahmen', type: 'long-text', required: true, maxLength: 20000 },
    {
      fieldId: 'successCriteria',
      label: 'Kriterien für den Erfolg',
      type: 'long-text',
      required: true,
      maxLength: 20000,
    },
    {
      fieldId: 'difficulties',
      label: 'Erwartete Schwierigkeiten',
      type: 'long-text',
      required: false,
      maxLength: 20000,
    },
    { fieldId: 'nextSteps', label: 'Nächste Schritte', type: 'long-text', required: true, maxLength: 20000 },
  ],
};

/** The cross-section of the 2011 selection: type, Regierungsbezirk, size band, own Jugendamt. */
export const CROSS_SECTION_BUILT_IN_BEFORE_V2: CrossSection = {
  dimensions: ['municipality-type', 'regierungsbezirk', 'population-band', 'own-youth-office'],
  populationBands: [
    { bandId: 'under-50k', minPopulation: 0, maxPopulation: 49_999 },
    { bandId: '50k-100k', minPopulation: 50_000, maxPopulation: 99_999 },
    { bandId: '100k-200k', minPopulation: 100_000, maxPopulation: 200_000 },
    { bandId: 'over-200k', minPopulation: 200_001 },
  ],
};

export { HOLIDAY_REGION_BEFORE_V2 } from './terms-built-in-before-v2';
