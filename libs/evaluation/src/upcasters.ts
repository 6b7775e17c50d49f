import type { Upcaster } from '@app/eventsourcing';
import type { EvaluationCreated } from './evaluation';
import { CRITERIA_BUILT_IN_BEFORE_V2 } from './legacy/criteria-2018';
import { SCALE_BUILT_IN_BEFORE_V2 } from './legacy/scale-2018';
import type { SurveyCreated } from './survey';

type SurveyCreatedV1 = Omit<SurveyCreated['data'], 'scale'>;

/** A v1 survey was answered on the one scale code then knew (2018): that scale is written in. */
export const surveyCreatedV1ToV2: Upcaster<SurveyCreatedV1, SurveyCreated['data']> = {
  type: 'SurveyCreated',
  fromVersion: 1,
  upcast: (data) => ({
    ...data,
    scale: { steps: SCALE_BUILT_IN_BEFORE_V2.steps.map((s) => ({ ...s })) },
  }),
};

type EvaluationCreatedV1 = Omit<EvaluationCreated['data'], 'criteria'> & { criteria: string[] };

/**
 * A v1 evaluation named its criteria by the ids of the one catalogue code then knew (2018): each
 * id becomes that criterion with its name. An id outside it (none was ever accepted) keeps the id
 * as its name rather than being dropped.
 */
export const evaluationCreatedV1ToV2: Upcaster<EvaluationCreatedV1, EvaluationCreated['data']> = {
  type: 'EvaluationCreated',
  fromVersion: 1,
  upcast: (data) => ({
    ...data,
    criteria: data.criteria.map((criterionId) => ({
      ...(CRITERIA_BUILT_IN_BEFORE_V2.find((c) => c.criterionId === criterionId) ?? {
        criterionId,
        name: criterionId,
      }),
    })),
  }),
};

export const evaluationUpcasters: Upcaster[] = [
  surveyCreatedV1ToV2 as Upcaster,
  evaluationCreatedV1ToV2 as Upcaster,
];
