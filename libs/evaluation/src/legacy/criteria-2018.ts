import type { EvaluationCriterionDefinition } from '../evaluation';

/**
 * The criteria of the final evaluation of 2018 (seed 003), which earlier code built in: an
 * evaluation created before evaluations carried their own (`EvaluationCreated` v1) named them by
 * these ids only. Used by the upcaster, and by the demo as its data; never as a default.
 */
export const CRITERIA_BUILT_IN_BEFORE_V2: readonly EvaluationCriterionDefinition[] = [
  { criterionId: 'implementation', name: 'Umsetzung' },
  { criterionId: 'goal-attainment', name: 'Zielerreichung' },
  { criterionId: 'effectiveness', name: 'Wirksamkeit' },
  { criterionId: 'sustainability', name: 'Nachhaltigkeit' },
  { criterionId: 'efficiency', name: 'Wirtschaftlichkeit' },
  { criterionId: 'synergy', name: 'Synergie' },
  { criterionId: 'coherence', name: 'Kohärenz' },
];
