import type { Upcaster } from '@app/eventsourcing';
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

export const evaluationUpcasters: Upcaster[] = [surveyCreatedV1ToV2 as Upcaster];
