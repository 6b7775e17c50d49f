export * from './programme';
export * from './call';
export * from './call-closing';
export * from './rules';
export * from './load-programme-rules';
export * from './programmes-calls.module';
export { programmesCallsProjection } from './queries/programmes-calls.projection';
export type { CallView, ProgrammeRulesView, ProgrammeView } from './queries/programmes-calls.projection';
