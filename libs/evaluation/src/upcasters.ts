import type { Upcaster } from '@app/eventsourcing';
import type { EvaluationCreated } from './evaluation';
import { CRITERIA_BUILT_IN_BEFORE_V2 } from './legacy/criteria-2018';
import { SCALE_BUILT_IN_BEFORE_V2 } from './legacy/scale-2018';
import type { SurveyCreated, SurveyQuestion, SurveyRecipient } from './survey';

/** v2: questions and recipients named their phase by number (`phases: number[]`, `phase`). */
type QuestionV2 = Omit<SurveyQuestion, 'phaseIds'> & { phases?: number[] };
type RecipientV2 = Omit<SurveyRecipient, 'phaseId'> & { phase: number };
type SurveyCreatedV2 = Omit<SurveyCreated['data'], 'questions' | 'recipientProfiles'> & {
  questions: QuestionV2[];
  recipientProfiles: RecipientV2[];
};
type SurveyCreatedV1 = Omit<SurveyCreatedV2, 'scale'>;

/** A v1 survey was answered on the one scale code then knew (2018): that scale is written in. */
export const surveyCreatedV1ToV2: Upcaster<SurveyCreatedV1, SurveyCreatedV2> = {
  type: 'SurveyCreated',
  fromVersion: 1,
  upcast: (data) => ({
    ...data,
    scale: { steps: SCALE_BUILT_IN_BEFORE_V2.steps.map((s) => ({ ...s })) },
  }),
};

/** The id a phase number of v1/v2 names: `phase-<n>`, as the grants and calls upcasters read it. */
const phaseIdOf = (phase: number) => `phase-${phase}`;

/**
 * A v2 survey named phases by number, a leftover of Förderphase I/II of the first programme: the
 * number n reads as the phase `phase-<n>`, the id the `GrantNoticeIssued` and `CallDrafted`
 * upcasters and that programme's terms give it, for the questions' phase lists and for each
 * recipient's phase alike. A question's empty list (never accepted) reads as none: asked of all.
 */
export const surveyCreatedV2ToV3: Upcaster<SurveyCreatedV2, SurveyCreated['data']> = {
  type: 'SurveyCreated',
  fromVersion: 2,
  upcast: ({ questions, recipientProfiles, ...rest }) => ({
    ...rest,
    questions: questions.map(({ phases, ...question }) => ({
      ...question,
      ...(phases && phases.length > 0 && { phaseIds: phases.map(phaseIdOf) }),
    })),
    recipientProfiles: recipientProfiles.map(({ phase, ...recipient }) => ({
      ...recipient,
      ...(typeof phase === 'number' && { phaseId: phaseIdOf(phase) }),
    })),
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
  surveyCreatedV2ToV3 as Upcaster,
  evaluationCreatedV1ToV2 as Upcaster,
];
