import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { CreateEvaluationController } from './create-evaluation/create-evaluation.controller';
import { CreateEvaluationHandler } from './create-evaluation/create-evaluation.handler';
import { CreateSurveyController } from './create-survey/create-survey.controller';
import { CreateSurveyHandler } from './create-survey/create-survey.handler';
import { EvaluationQueriesController } from './queries/evaluation-queries.controller';
import { evaluationsProjection } from './queries/evaluations.projection';
import {
  GetEvaluationHandler,
  ListEvaluationsHandler,
  MunicipalityIndicatorsHandler,
} from './queries/evaluations.queries';
import { indicatorsProjection } from './queries/indicators.projection';
import { participantsProjection } from './queries/participants.projection';
import { SurveyQueriesController } from './queries/survey-queries.controller';
import {
  GetOwnSurveyAnswerHandler,
  GetSurveyHandler,
  ListSurveyAnswersHandler,
  ListSurveysHandler,
  SurveyResultsHandler,
  SurveyShareHandler,
} from './queries/surveys.queries';
import { RecordIndicatorValueController } from './record-indicator-value/record-indicator-value.controller';
import { RecordIndicatorValueHandler } from './record-indicator-value/record-indicator-value.handler';
import { ReviseSurveyAnswerController } from './revise-survey-answer/revise-survey-answer.controller';
import { ReviseSurveyAnswerHandler } from './revise-survey-answer/revise-survey-answer.handler';
import { SubmitSurveyAnswerController } from './submit-survey-answer/submit-survey-answer.controller';
import { SubmitSurveyAnswerHandler } from './submit-survey-answer/submit-survey-answer.handler';

/**
 * Evaluation: evaluations with their criteria, surveys of the participating municipalities with
 * an answer window, results by phase and municipality type, and indicator time series.
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    CreateEvaluationController,
    CreateSurveyController,
    RecordIndicatorValueController,
    SubmitSurveyAnswerController,
    ReviseSurveyAnswerController,
    EvaluationQueriesController,
    SurveyQueriesController,
  ],
  providers: [
    CreateEvaluationHandler,
    CreateSurveyHandler,
    RecordIndicatorValueHandler,
    SubmitSurveyAnswerHandler,
    ReviseSurveyAnswerHandler,
    ListEvaluationsHandler,
    GetEvaluationHandler,
    MunicipalityIndicatorsHandler,
    ListSurveysHandler,
    GetSurveyHandler,
    ListSurveyAnswersHandler,
    GetOwnSurveyAnswerHandler,
    SurveyResultsHandler,
    SurveyShareHandler,
  ],
})
export class EvaluationModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRunner) {}
  onModuleInit(): void {
    this.projections.register(participantsProjection);
    this.projections.register(evaluationsProjection);
    this.projections.register(indicatorsProjection);
  }
}
