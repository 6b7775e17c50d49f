export * from './evaluation';
export * from './survey';
export * from './survey-answer';
export * from './evaluation.module';
export { evaluationsProjection } from './queries/evaluations.projection';
export type { EvaluationView, SurveyAnswerView, SurveyView } from './queries/evaluations.projection';
export { indicatorsProjection } from './queries/indicators.projection';
export { surveyResults, shareOfAnswers, ROUNDING } from './queries/survey-results';
export type { SurveyResults, ShareAnswer, Share } from './queries/survey-results';
