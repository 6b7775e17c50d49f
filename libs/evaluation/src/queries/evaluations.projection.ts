import type { Projection, RecordedEvent } from '@app/eventsourcing';
import type { EvaluationCriterionDefinition, EvaluationEvent } from '../evaluation';
import type { SurveyCreated, SurveyEvent } from '../survey';
import type { QuestionAnswer, SurveyAnswerEvent } from '../survey-answer';

export interface EvaluationView {
  evaluationId: string;
  programmeId: string;
  title: string;
  criteria: EvaluationCriterionDefinition[];
  createdAt: string;
  surveyIds: string[];
  indicatorValuesRecorded: number;
  revision: number;
}

export type SurveyView = SurveyCreated['data'] & { createdAt: string };

export interface SurveyAnswerView {
  surveyId: string;
  ags: string;
  answers: QuestionAnswer[];
  submittedAt: string;
  revisedAt?: string;
  /** Revision of the answer's stream: use it as If-Match when revising. */
  revision: number;
}

export interface EvaluationsReadModel {
  evaluations: Map<string, EvaluationView>;
  surveys: Map<string, SurveyView>;
  /** surveyId → AGS → the answer in force. */
  answers: Map<string, Map<string, SurveyAnswerView>>;
}

type Handled = EvaluationEvent | SurveyEvent | SurveyAnswerEvent;

export const evaluationsProjection: Projection<EvaluationsReadModel> = {
  name: 'evaluations',
  eventTypes: [
    'EvaluationCreated',
    'IndicatorValueRecorded',
    'SurveyCreated',
    'SurveyAnswerSubmitted',
    'SurveyAnswerRevised',
  ],
  initialState: () => ({ evaluations: new Map(), surveys: new Map(), answers: new Map() }),
  apply(model, recorded: RecordedEvent) {
    const event = recorded as RecordedEvent<Handled>;
    switch (event.type) {
      case 'EvaluationCreated':
        model.evaluations.set(event.data.evaluationId, {
          ...event.data,
          createdAt: event.metadata.occurredAt,
          surveyIds: [],
          indicatorValuesRecorded: 0,
          revision: event.revision,
        });
        break;
      case 'IndicatorValueRecorded': {
        const view = model.evaluations.get(event.data.evaluationId);
        if (view)
          Object.assign(view, {
            indicatorValuesRecorded: view.indicatorValuesRecorded + 1,
            revision: event.revision,
          });
        break;
      }
      case 'SurveyCreated': {
        model.surveys.set(event.data.surveyId, { ...event.data, createdAt: event.metadata.occurredAt });
        model.answers.set(event.data.surveyId, new Map());
        const evaluation = model.evaluations.get(event.data.evaluationId);
        if (evaluation && !evaluation.surveyIds.includes(event.data.surveyId))
          evaluation.surveyIds.push(event.data.surveyId);
        break;
      }
      case 'SurveyAnswerSubmitted': {
        const { surveyId, ags, answers, answeredAt } = event.data;
        model.answers
          .get(surveyId)
          ?.set(ags, { surveyId, ags, answers, submittedAt: answeredAt, revision: event.revision });
        break;
      }
      case 'SurveyAnswerRevised': {
        const view = model.answers.get(event.data.surveyId)?.get(event.data.ags);
        if (view)
          Object.assign(view, {
            answers: event.data.answers,
            revisedAt: event.data.answeredAt,
            revision: event.revision,
          });
        break;
      }
    }
    return model;
  },
};
