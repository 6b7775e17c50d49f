import { type RecordedEvent, streamName } from '@app/eventsourcing';

export const CHECKPOINT_EVENT = 'IntegrityCheckpointRecorded';

export interface CheckpointReference {
  sequence: number;
  position: number;
  merkleRoot: string;
}

/**
 * A commitment to the whole store as it was at `position`: the Merkle root over every stream's
 * head, and how many streams and events there were. Chains prove each stream intact; the
 * checkpoint proves no stream (and no stream's newest events) went missing.
 */
export interface IntegrityCheckpointData extends CheckpointReference {
  streams: number;
  events: number;
  previousCheckpoint?: CheckpointReference;
}

export type IntegrityCheckpointRecorded = {
  type: typeof CHECKPOINT_EVENT;
  data: IntegrityCheckpointData;
};

/** One stream per checkpoint: a second writer racing for the same number loses on 'no_stream'. */
export const checkpointStream = (sequence: number) => streamName('audit-checkpoint', String(sequence));

export function isCheckpoint(event: RecordedEvent): event is RecordedEvent<IntegrityCheckpointRecorded> {
  return event.type === CHECKPOINT_EVENT && /^audit-checkpoint-\d+$/.test(event.streamId);
}

export function referenceOf(data: IntegrityCheckpointData): CheckpointReference {
  return { sequence: data.sequence, position: data.position, merkleRoot: data.merkleRoot };
}
