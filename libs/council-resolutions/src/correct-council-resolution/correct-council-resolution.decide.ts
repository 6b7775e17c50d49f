import { canonicalJson, type Decider, NotFound } from '@app/eventsourcing';
import {
  type CouncilResolution,
  type CouncilResolutionContent,
  type CouncilResolutionEvent,
  type CouncilResolutionState,
  evolveCouncilResolution,
  initialCouncilResolutionState,
  withoutUndefined,
} from '../council-resolution';
import { CorrectionReasonMissing, CorrectionWithoutChange, NotResolutionOwner } from '../errors';
import { type ApplicationFacts, checkResolution, type MunicipalityFacts } from '../resolution-rules';

export interface CorrectCouncilResolution {
  resolutionId: string;
  /** The caller's AGS. */
  ags: string;
  /** The expression of interest the recorded resolution belongs to. */
  application: ApplicationFacts | undefined;
  municipality: MunicipalityFacts | undefined;
  content: CouncilResolutionContent;
  reason: string;
  today: string;
}

/**
 * A recorded resolution is never edited: a correction states the whole resolution anew, with a
 * reason, under the same rules. Only the municipality whose council decided may correct it;
 * the other municipalities of the application see it (403), anyone else does not (404).
 */
export function correctCouncilResolution(
  command: CorrectCouncilResolution,
  state: CouncilResolutionState,
): CouncilResolutionEvent[] {
  const { resolutionId, ags, application } = command;
  if (state.status === 'none') throw new NotFound('Council resolution', resolutionId);
  const recorded = state.resolution;
  if (!application || (application.leadAgs !== ags && !application.memberAgs.includes(ags)))
    throw new NotFound('Council resolution', resolutionId);
  if (recorded.ags !== ags) throw new NotResolutionOwner(resolutionId);
  if (!command.reason.trim()) throw new CorrectionReasonMissing();
  checkResolution(command.content, command.municipality, ags, command.today);
  if (sameContent(recorded, command.content)) throw new CorrectionWithoutChange(resolutionId);
  return [
    {
      type: 'CouncilResolutionCorrected',
      data: withoutUndefined({
        resolutionId,
        applicationId: recorded.applicationId,
        callId: recorded.callId,
        ags,
        ...command.content,
        reason: command.reason.trim(),
      }),
    },
  ];
}

/** Whether the correction says what is already recorded; where the record came from does not count. */
function sameContent(recorded: CouncilResolution, content: CouncilResolutionContent): boolean {
  const {
    resolutionId: _id,
    applicationId: _application,
    callId: _call,
    ags: _ags,
    source: _recordedSource,
    ...before
  } = recorded;
  const { source: _source, ...after } = content;
  return canonicalJson(before) === canonicalJson(after);
}

export const correctCouncilResolutionDecider: Decider<
  CorrectCouncilResolution,
  CouncilResolutionEvent,
  CouncilResolutionState
> = {
  decide: correctCouncilResolution,
  evolve: evolveCouncilResolution,
  initialState: initialCouncilResolutionState,
};
