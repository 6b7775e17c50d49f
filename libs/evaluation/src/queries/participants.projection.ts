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

/**
 * Surveys ask by phase number: a numbered phase (`phase-2`, the first programme's) by its number;
 * any other phase, or none, counts as the first (until surveys name phases by id).
 */
const phaseNumberOf = (phaseId: string | undefined) => Number(/^phase-(\d+)$/.exec(phaseId ?? '')?.[1] ?? 1);

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
    const { grantId, programmeId, phaseId, ags } = (recorded as RecordedEvent<GrantNoticeIssued>).data;
    if (typeof ags !== 'string' || typeof programmeId !== 'string') return model;
    const phase = phaseNumberOf(phaseId);
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
