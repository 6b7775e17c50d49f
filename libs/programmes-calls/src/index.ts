export * from './programme';
export * from './call';
export * from './programmes-calls.module';
export { programmesCallsProjection } from './queries/programmes-calls.projection';
export type { CallView, ProgrammeView } from './queries/programmes-calls.projection';
