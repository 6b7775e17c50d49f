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

/** AGS → the expression of interest it takes part in, for one call. */
export type ParticipationState = Map<string, string>;

/**
 * Each municipality takes part in at most one expression of interest per call, as lead or as
 * member. One stream per call holds who takes part where, so the rule is enforced by the store's
 * expected revision, not by a read model that may lag.
 */
export const participationStream = (callId: string) => streamName('participation', callId);

export interface ClaimParticipation {
  callId: string;
  applicationId: string;
  /** Every municipality of the expression of interest: lead and members. */
  ags: string[];
}

/** Claims the municipalities now named and releases those no longer named. */
export function claimParticipation(
  command: ClaimParticipation,
  state: ParticipationState,
): ParticipationEvent[] {
  const { callId, applicationId } = command;
  for (const ags of command.ags) {
    const holder = state.get(ags);
    if (holder !== undefined && holder !== applicationId) throw new AlreadyParticipating(ags);
  }
  const released = [...state].filter(
    ([ags, holder]) => holder === applicationId && !command.ags.includes(ags),
  );
  return [
    ...released.map(([ags]): ParticipationEvent => ({
      type: 'ParticipationReleased',
      data: { callId, ags, applicationId },
    })),
    ...command.ags
      .filter((ags) => state.get(ags) !== applicationId)
      .map((ags): ParticipationEvent => ({
        type: 'ParticipationClaimed',
        data: { callId, ags, applicationId },
      })),
  ];
}

export function evolveParticipation(
  state: ParticipationState,
  event: ParticipationEvent,
): ParticipationState {
  const next = new Map(state);
  switch (event.type) {
    case 'ParticipationClaimed':
      next.set(event.data.ags, event.data.applicationId);
      return next;
    case 'ParticipationReleased':
      if (next.get(event.data.ags) === event.data.applicationId) next.delete(event.data.ags);
      return next;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

export const claimParticipationDecider: Decider<ClaimParticipation, ParticipationEvent, ParticipationState> =
  {
    decide: claimParticipation,
    evolve: evolveParticipation,
    initialState: () => new Map(),
  };
