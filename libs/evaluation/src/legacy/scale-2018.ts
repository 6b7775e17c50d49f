import type { SurveyScale } from '../survey';

/**
 * The scale every survey had before surveys carried their own (`SurveyCreated` v1): that of the
 * online survey of 2017/2018, not / partly / largely / fully. Used by the upcaster only.
 */
export const SCALE_BUILT_IN_BEFORE_V2: SurveyScale = {
  steps: [
    { stepId: 'not', label: 'gar nicht' },
    { stepId: 'partly', label: 'teilweise' },
    { stepId: 'largely', label: 'weitgehend' },
    { stepId: 'fully', label: 'vollständig' },
  ],
};
