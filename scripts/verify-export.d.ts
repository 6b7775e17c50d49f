// Types for scripts/verify-export.js, the offline verifier that stays plain JavaScript.
import type { KeyObject } from 'node:crypto';

export const EXIT: { ok: 0; mismatch: 1; failure: 2 };
export const EXPORT_FORMAT: 'kkz-audit-export/1';
export const GENESIS_HASH: string;

export interface OfflinePublicKeyInfo {
  algorithm: 'Ed25519';
  publicKeyPem: string;
  publicKey: string;
  keyId: string;
}

export interface ExportVerification {
  ok: boolean;
  problems: string[];
  events: number;
  streams: number;
  keyId?: string;
  /** Whether the signing key was compared with one the caller obtained independently. */
  pinned: boolean;
  /** The store's newest integrity checkpoint when the export was made, as the manifest names it. */
  latestCheckpoint?: { sequence: number; position: number; merkleRoot: string };
}

export function canonicalJson(value: unknown): string;
export function eventHash(event: {
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: { prevHash: string } & Record<string, unknown>;
}): string;
export function merkleRoot(heads: readonly { streamId: string; revision: number; hash: string }[]): string;
export function publicKeyInfo(key: KeyObject): OfflinePublicKeyInfo;
export function readEd25519PublicKey(text: string): KeyObject | undefined;
export function verifyExport(
  content: Buffer | string,
  options?: { pinnedPublicKey?: string },
): ExportVerification;
export function main(argv: string[], out?: (text: string) => void, err?: (text: string) => void): number;
