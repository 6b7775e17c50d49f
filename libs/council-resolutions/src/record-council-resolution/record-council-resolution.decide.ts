import type { Decider } from '@app/eventsourcing';
import {
  type CouncilResolutionContent,
  type CouncilResolutionEvent,
  type CouncilResolutionState,
  evolveCouncilResolution,
  initialCouncilResolutionState,
  resolutionIdFor,
  withoutUndefined,
} from '../council-resolution';
import { CouncilResolutionExists } from '../errors';
import {
  type ApplicationFacts,
  assertTakesPart,
  checkResolution,
  type MunicipalityFacts,
} from '../resolution-rules';

/** The facts every record needs besides the resolution itself; the handler gathers them. */
export interface RecordingFacts {
  applicationId: string;
  /** The recording municipality: the caller's own AGS, never one named in the body. */
  ags: string;
  application: ApplicationFacts | undefined;
  municipality: MunicipalityFacts | undefined;
  /** Berlin calendar day of the request. */
  today: string;
}

export interface RecordCouncilResolution extends RecordingFacts {
  content: CouncilResolutionContent;
}

/**
 * A municipality records its council's resolution once per expression of interest it takes
 * part in; later changes are corrections, so the first record stays in history.
 */
export function recordCouncilResolution(
  command: RecordCouncilResolution,
  state: CouncilResolutionState,
): CouncilResolutionEvent[] {
  return recordResolution(command, state, () => command.content);
}

/** The shared path of manual and OParl records; `content` is read only once access is clear. */
export function recordResolution(
  facts: RecordingFacts,
  state: CouncilResolutionState,
  content: () => CouncilResolutionContent,
): CouncilResolutionEvent[] {
  const { application, applicationId, ags } = facts;
  assertTakesPart(application, applicationId, ags);
  const resolutionId = resolutionIdFor(applicationId, ags);
  if (state.status !== 'none') throw new CouncilResolutionExists(resolutionId);
  const resolution = content();
  checkResolution(resolution, facts.municipality, ags, facts.today);
  return [
    {
      type: 'CouncilResolutionRecorded',
      data: withoutUndefined({ resolutionId, applicationId, callId: application.callId, ags, ...resolution }),
    },
  ];
}

export const recordCouncilResolutionDecider: Decider<
  RecordCouncilResolution,
  CouncilResolutionEvent,
  CouncilResolutionState
> = {
  decide: recordCouncilResolution,
  evolve: evolveCouncilResolution,
  initialState: initialCouncilResolutionState,
};
