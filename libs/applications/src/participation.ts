import { type Decider, streamName } from '@app/eventsourcing';
import { AlreadyParticipating } from './errors';

export type ParticipationClaimed = {
  type: 'ParticipationClaimed';
  data: { callId: string; ags: string; applicationId: string };
};
export type ParticipationReleased = {
  type: 'ParticipationReleased';
  data: { callId: string; ags: string; applicationId: string };
};
export type ParticipationEvent = ParticipationClaimed | ParticipationReleased;

/** The expression of interest a municipality takes part in for one call, if any. */
export type ParticipationState = { holder?: string };

/**
 * Each municipality takes part in at most one expression of interest per call, as lead or as
 * confirmed member. One small stream per call and municipality records where, so the rule is
 * enforced by the store's expected revision. A lead claims it with its draft, a member with its
 * own confirmation; an invitation claims nothing, so naming a municipality blocks nobody.
 */
export const participationStream = (callId: string, ags: string) =>
  streamName('participation', `${callId}.${ags}`);

export interface ChangeParticipation {
  callId: string;
  ags: string;
  applicationId: string;
  /** Claim for the application, or release a claim it holds. */
  action: 'claim' | 'release';
}

export function changeParticipation(
  command: ChangeParticipation,
  state: ParticipationState,
): ParticipationEvent[] {
  const { callId, ags, applicationId } = command;
  if (command.action === 'release') {
    return state.holder === applicationId
      ? [{ type: 'ParticipationReleased', data: { callId, ags, applicationId } }]
      : [];
  }
  if (state.holder === applicationId) return [];
  if (state.holder !== undefined) throw new AlreadyParticipating({ ags });
  return [{ type: 'ParticipationClaimed', data: { callId, ags, applicationId } }];
}

export function evolveParticipation(
  state: ParticipationState,
  event: ParticipationEvent,
): ParticipationState {
  switch (event.type) {
    case 'ParticipationClaimed':
      return { holder: event.data.applicationId };
    case 'ParticipationReleased':
      return state.holder === event.data.applicationId ? {} : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

export const participationDecider: Decider<ChangeParticipation, ParticipationEvent, ParticipationState> = {
  decide: changeParticipation,
  evolve: evolveParticipation,
  initialState: () => ({}),
};
