import { ConcurrencyError, type EventStore, newId, readAllPages } from '@app/eventsourcing';
import type { AuditSigningKey } from '../signing/audit-signing-key';
import {
  CHECKPOINT_EVENT,
  type CheckpointReference,
  checkpointStream,
  type IntegrityCheckpointData,
  isCheckpoint,
  referenceOf,
  signCheckpoint,
} from './checkpoint';
import { StreamHeads } from './stream-heads';

/**
 * Writes integrity checkpoints. It follows the store incrementally (one full pass at the first
 * run, then only the new events), so a periodic run costs little. Several workers may run it:
 * each checkpoint number is its own stream, and the loser of a race simply skips this round.
 * Every checkpoint is signed with the audit key.
 */
export class CheckpointRecorder {
  private readonly heads = new StreamHeads();
  private last?: CheckpointReference;
  /** Position of the newest event that is not itself a checkpoint. */
  private lastFact = 0;

  constructor(
    private readonly store: EventStore,
    private readonly now: () => Date,
    private readonly key: AuditSigningKey,
  ) {}

  /** Records a checkpoint over everything stored so far; undefined when nothing new happened. */
  async record(): Promise<IntegrityCheckpointData | undefined> {
    await this.catchUp();
    if (this.last && this.lastFact <= this.last.position) return undefined;
    if (this.heads.events === 0) return undefined;
    const data: IntegrityCheckpointData = signCheckpoint(
      {
        sequence: (this.last?.sequence ?? 0) + 1,
        position: this.heads.position,
        streams: this.heads.streams,
        events: this.heads.events,
        merkleRoot: this.heads.root(),
        ...(this.last ? { previousCheckpoint: this.last } : {}),
      },
      this.key,
    );
    const eventId = newId();
    try {
      await this.store.appendToStream(
        checkpointStream(data.sequence),
        [
          {
            type: CHECKPOINT_EVENT,
            data,
            metadata: {
              eventId,
              schemaVersion: 1,
              occurredAt: this.now().toISOString(),
              actor: { subject: 'audit-checkpoint', role: 'system' },
              correlationId: eventId,
              causationId: eventId,
            },
          },
        ],
        'no_stream',
      );
    } catch (error) {
      if (error instanceof ConcurrencyError) return undefined;
      throw error;
    }
    return data;
  }

  private async catchUp(): Promise<void> {
    const until = await this.store.headPosition();
    for await (const page of readAllPages(this.store, { after: this.heads.position, until })) {
      for (const event of page) {
        this.heads.apply(event);
        if (!isCheckpoint(event)) this.lastFact = event.position;
        else if (event.data.sequence > (this.last?.sequence ?? 0)) this.last = referenceOf(event.data);
      }
    }
  }
}
