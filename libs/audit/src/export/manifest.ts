import { canonicalJson } from '@app/eventsourcing/canonical-json';
import type { CheckpointReference } from '../integrity/checkpoint';
import type { PublicKeyInfo } from '../signing/audit-signing-key';

export const EXPORT_FORMAT = 'kkz-audit-export/1';

/** One stream's part of an export: a gap-free run of revisions and the hashes at both ends. */
export interface ExportedStream {
  streamId: string;
  firstRevision: number;
  lastRevision: number;
  events: number;
  /** The hash the first exported event chains to (all zeros when it is revision 0). */
  firstPrevHash: string;
  headHash: string;
}

export interface ExportRangeDescription {
  programmeId?: string;
  ags?: string;
  from?: string;
  to?: string;
  time: 'recorded' | 'occurred';
}

/**
 * What the signature covers: the exact bytes of the event lines (their SHA-256), their counts,
 * every exported stream's ends, a Merkle root over the exported heads, and the whole store's
 * root at the export's position (comparable with an integrity checkpoint).
 */
export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  createdAt: string;
  createdBy: string;
  range: ExportRangeDescription;
  events: number;
  streams: number;
  ndjsonSha256: string;
  streamHeads: ExportedStream[];
  merkleRoot: string;
  store: {
    headPosition: number;
    events: number;
    streams: number;
    merkleRoot: string;
    /** The newest integrity checkpoint then: what `audit:verify --expect` later holds the store to. */
    latestCheckpoint?: CheckpointReference;
  };
  publicKey: PublicKeyInfo;
}

/** The export's last line: the manifest and its Ed25519 signature over `manifestPayload`. */
export interface ExportTrailer {
  manifest: ExportManifest;
  signature: string;
}

export function manifestPayload(manifest: ExportManifest): string {
  return canonicalJson(manifest);
}

/** Exported heads as Merkle leaves: the stream, its last exported revision and that event's hash. */
export function exportedHeads(streams: readonly ExportedStream[]) {
  return streams.map((s) => ({ streamId: s.streamId, revision: s.lastRevision, hash: s.headHash }));
}
