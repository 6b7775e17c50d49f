export * from './selection';
export * from './selection.module';
export { hasOwnJugendamt, OWN_JUGENDAMT_MIN_POPULATION, populationBand } from './municipality-profile';
export { selectionProjection } from './queries/selection.projection';
export type { DecisionView, SelectionRecord } from './queries/selection.projection';
