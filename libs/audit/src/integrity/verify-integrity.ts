import type { KeyObject } from 'node:crypto';
import { type ChainBreak, type EventStore, readAllPages, StreamChainVerifier } from '@app/eventsourcing';
import { publicKeyInfo } from '../signing/audit-signing-key';
import { isCheckpoint } from './checkpoint';
import {
  CheckpointChecks,
  type CheckpointSummary,
  type ExpectedCheckpoint,
  type PendingCheckpoint,
  type Snapshot,
} from './checkpoint-checks';
import type { StreamHead } from './merkle';
import { StreamHeads } from './stream-heads';

export type { CheckpointProblem, CheckpointProblemReason, ExpectedCheckpoint } from './checkpoint-checks';

export interface IntegrityReport {
  ok: boolean;
  events: number;
  streams: number;
  headPosition: number;
  /** The earliest broken link in the whole store, by position. */
  firstBreak?: ChainBreak;
  /** The first broken link of each stream, in position order. */
  chainBreaks: ChainBreak[];
  checkpoints: CheckpointSummary;
  /** The store could not be read to the end (e.g. a row that is no longer valid JSON). */
  unreadable?: string;
}

interface HeadChange {
  position: number;
  streamId: string;
  before?: StreamHead;
}

export interface VerifyOptions {
  /** The key every checkpoint must be signed with: the configured one, or one an auditor pinned. */
  publicKey: KeyObject;
  /** A checkpoint whose root the auditor holds from before: shows a store cut back to before it. */
  expect?: ExpectedCheckpoint;
  pageSize?: number;
  /** How many recent head changes are kept to look back from a checkpoint to the position it covers. */
  lookBack?: number;
}

/**
 * One pass over the events exactly as stored: every stream's chain (first broken link, missing
 * revision, altered payload or metadata, reordering) and every integrity checkpoint (its
 * signature, and the Merkle root over the stream heads at the position it covers, so that a
 * deleted stream is noticed too). Events after the newest checkpoint are covered by their chains
 * only; a store cut back to before a checkpoint is noticed only with `expect`.
 */
export async function verifyIntegrity(
  store: EventStore,
  { publicKey, expect, pageSize = 1024, lookBack = 1 << 15 }: VerifyOptions,
): Promise<IntegrityReport> {
  const headPosition = await store.headPosition();
  const verifiers = new Map<string, StreamChainVerifier>();
  const heads = new StreamHeads();
  const checks = new CheckpointChecks({ publicKey, keyId: publicKeyInfo(publicKey).keyId });
  let recent: HeadChange[] = [];
  let forgottenUpTo = 0;
  let unreadable: string | undefined;
  const deferred: PendingCheckpoint[] = [];

  try {
    for await (const page of readAllPages(store, { until: headPosition, pageSize })) {
      for (const event of page) {
        let verifier = verifiers.get(event.streamId);
        if (!verifier) verifiers.set(event.streamId, (verifier = new StreamChainVerifier(event.streamId)));
        verifier.check(event);
        recent.push({ position: event.position, streamId: event.streamId, before: heads.apply(event) });
        if (recent.length > 2 * lookBack) {
          forgottenUpTo = recent[recent.length - lookBack - 1].position;
          recent = recent.slice(-lookBack);
        }
        if (!isCheckpoint(event)) continue;
        const pending = { data: event.data, position: event.position };
        if (!checks.sequence(pending)) continue;
        if (pending.data.position < forgottenUpTo) deferred.push(pending);
        else checks.compare(pending, headsAt(heads, recent, pending.data.position));
      }
    }
    if (deferred.length > 0) await checkDeferred(store, deferred, checks, pageSize);
  } catch (error) {
    unreadable = (error as Error).message ?? String(error);
  }

  const chainBreaks = [...verifiers.values()]
    .flatMap((v) => (v.broken ? [v.broken] : []))
    .sort((a, b) => a.position - b.position);
  const checkpoints = checks.summary(expect);
  return {
    ok: chainBreaks.length === 0 && checkpoints.problems.length === 0 && unreadable === undefined,
    events: heads.events,
    streams: heads.streams,
    headPosition,
    ...(chainBreaks.length > 0 ? { firstBreak: chainBreaks[0] } : {}),
    chainBreaks,
    checkpoints,
    ...(unreadable !== undefined ? { unreadable } : {}),
  };
}

/** The heads as they were at `position`: today's heads with every later change undone. */
function headsAt(heads: StreamHeads, recent: HeadChange[], position: number): Snapshot {
  const undone = new Map<string, StreamHead | undefined>();
  let later = 0;
  for (let i = recent.length - 1; i >= 0 && recent[i].position > position; i--) {
    undone.set(recent[i].streamId, recent[i].before);
    later++;
  }
  const at = heads.all().flatMap((h) => {
    const head = undone.has(h.streamId) ? undone.get(h.streamId) : h;
    return head ? [head] : [];
  });
  return { heads: at, events: heads.events - later };
}

/** A second pass for checkpoints that cover a position too far back for the look-back window. */
async function checkDeferred(
  store: EventStore,
  deferred: PendingCheckpoint[],
  checks: CheckpointChecks,
  pageSize: number,
): Promise<void> {
  const queue = [...deferred].sort((a, b) => a.data.position - b.data.position);
  const heads = new StreamHeads();
  const until = queue[queue.length - 1].data.position;
  const settle = (before: number) => {
    while (queue.length > 0 && queue[0].data.position < before) {
      const pending = queue.shift() as PendingCheckpoint;
      checks.compare(pending, { heads: heads.all(), events: heads.events });
    }
  };
  for await (const page of readAllPages(store, { until, pageSize })) {
    for (const event of page) {
      settle(event.position);
      heads.apply(event);
    }
  }
  settle(Infinity);
}
