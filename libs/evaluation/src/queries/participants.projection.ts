import type { Projection, RecordedEvent } from '@app/eventsourcing';

/**
 * The part of the grants context's `GrantNoticeIssued` this context relies on (docs/events.md).
 * Read from the events themselves, not from the grants code: the event is the contract.
 */
type GrantNoticeIssued = {
  type: 'GrantNoticeIssued';
  /** v2: the phase by its id (`phase-1`, `aufbau`), absent for a programme without phases. */
  data: { grantId: string; programmeId: string; phaseId?: string; ags: string };
};

export interface Participant {
  ags: string;
  /**
   * The phases of its grants, by id, in the order their notices were issued (a grant without a
   * phase adds none): the survey takes the first of them in the programme's order as the phase
   * the municipality joined in, so a municipality that continues stays with its first phase.
   */
  phaseIds: string[];
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
    const { grantId, programmeId, phaseId, ags } = (recorded as RecordedEvent<GrantNoticeIssued>).data;
    if (typeof ags !== 'string' || typeof programmeId !== 'string') return model;
    const programme = model.get(programmeId) ?? new Map<string, Participant>();
    model.set(programmeId, programme);
    const known = programme.get(ags);
    const phaseIds = typeof phaseId === 'string' ? [phaseId] : [];
    if (!known) programme.set(ags, { ags, phaseIds, grantIds: [grantId] });
    else {
      for (const id of phaseIds) if (!known.phaseIds.includes(id)) known.phaseIds.push(id);
      if (!known.grantIds.includes(grantId)) known.grantIds.push(grantId);
    }
    return model;
  },
};

export function participantsOf(model: ParticipantsReadModel, programmeId: string): Participant[] {
  return [...(model.get(programmeId)?.values() ?? [])];
}
