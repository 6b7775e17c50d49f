import type { Projection, RecordedEvent } from '@app/eventsourcing';

/**
 * The part of the grants context's `GrantNoticeIssued` this context relies on (docs/events.md).
 * Read from the events themselves, not from the grants code: the event is the contract.
 */
type GrantNoticeIssued = {
  type: 'GrantNoticeIssued';
  data: { grantId: string; programmeId: string; phase: number; ags: string };
};

export interface Participant {
  ags: string;
  /** The first funding phase the municipality joined in: a phase-I municipality that continues stays phase I. */
  firstPhase: number;
  grantIds: string[];
}

/** programmeId → AGS → participant: "every participating municipality" of a programme. */
export type ParticipantsReadModel = Map<string, Map<string, Participant>>;

export const participantsProjection: Projection<ParticipantsReadModel> = {
  name: 'evaluation-participants',
  eventTypes: ['GrantNoticeIssued'],
  initialState: () => new Map(),
  apply(model, recorded: RecordedEvent) {
    if (recorded.type !== 'GrantNoticeIssued') return model;
    const { grantId, programmeId, phase, ags } = (recorded as RecordedEvent<GrantNoticeIssued>).data;
    if (typeof ags !== 'string' || typeof programmeId !== 'string' || !Number.isInteger(phase)) return model;
    const programme = model.get(programmeId) ?? new Map<string, Participant>();
    model.set(programmeId, programme);
    const known = programme.get(ags);
    if (!known) programme.set(ags, { ags, firstPhase: phase, grantIds: [grantId] });
    else {
      known.firstPhase = Math.min(known.firstPhase, phase);
      if (!known.grantIds.includes(grantId)) known.grantIds.push(grantId);
    }
    return model;
  },
};

export function participantsOf(model: ParticipantsReadModel, programmeId: string): Participant[] {
  return [...(model.get(programmeId)?.values() ?? [])];
}
