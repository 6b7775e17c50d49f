export * from './council-resolution';
export * from './council-resolutions.module';
export { councilResolutionsProjection } from './queries/council-resolutions.projection';
export type { CouncilResolutionView } from './queries/council-resolutions.projection';
export { readOparlResolution } from './oparl/oparl-resolution';
export type { OparlDocuments, OparlResolution } from './oparl/oparl-resolution';
