import type { KeyObject } from 'node:crypto';
import { canonicalJson, type RecordedEvent, streamName } from '@app/eventsourcing';
import { type AuditSigningKey, verifyEd25519 } from '../signing/audit-signing-key';

export const CHECKPOINT_EVENT = 'IntegrityCheckpointRecorded';

export interface CheckpointReference {
  sequence: number;
  position: number;
  merkleRoot: string;
}

/**
 * A commitment to the whole store as it was at `position`: the Merkle root over every stream's
 * head, and how many streams and events there were. Chains prove each stream intact; the
 * checkpoint proves no stream (and no stream's newest events) went missing. It is signed with
 * the audit key, so that whoever can write to the store cannot rewrite a stream and recompute
 * the checkpoints after it.
 */
export interface IntegrityCheckpointData extends CheckpointReference {
  streams: number;
  events: number;
  previousCheckpoint?: CheckpointReference;
  /** Key id (SHA-256 of the raw Ed25519 key) of the key that signed it. */
  keyId: string;
  /** Ed25519 over `checkpointPayload`, base64. */
  signature: string;
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

export function referenceOf(data: CheckpointReference): CheckpointReference {
  return { sequence: data.sequence, position: data.position, merkleRoot: data.merkleRoot };
}

// The same key signs export manifests: the prefix keeps a checkpoint signature from ever
// passing for a manifest signature, or the other way round.
const CHECKPOINT_SIGNATURE_CONTEXT = 'kkz-audit-checkpoint/1\n';

/** What the signature covers: every field but the signature itself, in canonical JSON. */
export function checkpointPayload(data: Omit<IntegrityCheckpointData, 'signature'>): string {
  const { signature: _signature, ...signed } = data as IntegrityCheckpointData;
  return CHECKPOINT_SIGNATURE_CONTEXT + canonicalJson(signed);
}

export function signCheckpoint(
  content: Omit<IntegrityCheckpointData, 'keyId' | 'signature'>,
  key: AuditSigningKey,
): IntegrityCheckpointData {
  const unsigned = { ...content, keyId: key.info.keyId };
  return { ...unsigned, signature: key.sign(checkpointPayload(unsigned)) };
}

export type CheckpointSignatureProblem = 'checkpoint-unsigned' | 'checkpoint-signature-invalid';

/** Whether the trusted key signed exactly this checkpoint. */
export function checkpointSignatureProblem(
  data: IntegrityCheckpointData,
  trusted: { publicKey: KeyObject; keyId: string },
): { reason: CheckpointSignatureProblem; detail: string } | undefined {
  if (typeof data.signature !== 'string' || typeof data.keyId !== 'string') {
    return { reason: 'checkpoint-unsigned', detail: 'it carries no signature' };
  }
  if (data.keyId !== trusted.keyId) {
    return {
      reason: 'checkpoint-signature-invalid',
      detail: `it names key ${data.keyId}, not the trusted key ${trusted.keyId}`,
    };
  }
  if (!verifyEd25519(trusted.publicKey, checkpointPayload(data), data.signature)) {
    return {
      reason: 'checkpoint-signature-invalid',
      detail: 'the signature does not match its content (altered or recomputed without the key)',
    };
  }
  return undefined;
}
