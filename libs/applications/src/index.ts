export * from './expression-of-interest';
export * from './applications.module';
export { expressionsOfInterestProjection } from './queries/expressions-of-interest.projection';
export type { ExpressionOfInterestView } from './queries/expressions-of-interest.projection';
