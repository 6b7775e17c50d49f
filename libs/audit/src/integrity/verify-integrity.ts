import { type ChainBreak, type EventStore, readAllPages, StreamChainVerifier } from '@app/eventsourcing';
import {
  type CheckpointReference,
  type IntegrityCheckpointData,
  isCheckpoint,
  referenceOf,
} from './checkpoint';
import { merkleRoot, type StreamHead } from './merkle';
import { StreamHeads } from './stream-heads';

export type CheckpointProblemReason =
  | 'merkle-root-mismatch'
  | 'stream-count-mismatch'
  | 'event-count-mismatch'
  | 'checkpoint-missing'
  | 'previous-checkpoint-mismatch'
  | 'checkpoint-position-invalid';

export interface CheckpointProblem {
  sequence: number;
  /** Where the checkpoint event itself is stored. */
  position: number;
  /** The store prefix it commits to. */
  covers: number;
  reason: CheckpointProblemReason;
  detail: string;
}

export interface IntegrityReport {
  ok: boolean;
  events: number;
  streams: number;
  headPosition: number;
  /** The earliest broken link in the whole store, by position. */
  firstBreak?: ChainBreak;
  /** The first broken link of each stream, in position order. */
  chainBreaks: ChainBreak[];
  checkpoints: {
    count: number;
    verified: number;
    latest?: CheckpointReference;
    /** Events up to here are covered by a checkpoint; newer ones only by their chains. */
    coveredUpTo: number;
    problems: CheckpointProblem[];
  };
  /** The store could not be read to the end (e.g. a row that is no longer valid JSON). */
  unreadable?: string;
}

interface HeadChange {
  position: number;
  streamId: string;
  before?: StreamHead;
}

export interface VerifyOptions {
  pageSize?: number;
  /** How many recent head changes are kept to look back from a checkpoint to the position it covers. */
  lookBack?: number;
}

interface PendingCheckpoint {
  data: IntegrityCheckpointData;
  position: number;
}

/**
 * One pass over the events exactly as stored: every stream's chain (first broken link, missing
 * revision, altered payload or metadata, reordering) and every integrity checkpoint (Merkle root
 * over the stream heads at the position it covers, so that a deleted stream is noticed too).
 */
export async function verifyIntegrity(
  store: EventStore,
  { pageSize = 1024, lookBack = 1 << 15 }: VerifyOptions = {},
): Promise<IntegrityReport> {
  const headPosition = await store.headPosition();
  const verifiers = new Map<string, StreamChainVerifier>();
  const heads = new StreamHeads();
  const checks = new CheckpointChecks();
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
  const latest = checks.latest;
  return {
    ok: chainBreaks.length === 0 && checks.problems.length === 0 && unreadable === undefined,
    events: heads.events,
    streams: heads.streams,
    headPosition,
    ...(chainBreaks.length > 0 ? { firstBreak: chainBreaks[0] } : {}),
    chainBreaks,
    checkpoints: {
      count: checks.count,
      verified: checks.verified,
      ...(latest ? { latest } : {}),
      coveredUpTo: latest?.position ?? 0,
      problems: checks.problems.sort((a, b) => a.position - b.position),
    },
    ...(unreadable !== undefined ? { unreadable } : {}),
  };
}

interface Snapshot {
  heads: StreamHead[];
  events: number;
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

/** The checkpoints' own sequence and their comparison with the recomputed store prefix. */
class CheckpointChecks {
  readonly problems: CheckpointProblem[] = [];
  count = 0;
  verified = 0;
  latest?: CheckpointReference;

  /** Numbers run 1, 2, 3…, each naming its predecessor; a gap means a checkpoint was removed. */
  sequence({ data, position }: PendingCheckpoint): boolean {
    this.count++;
    const problem = (reason: CheckpointProblemReason, detail: string) =>
      this.problems.push({ sequence: data.sequence, position, covers: data.position, reason, detail });
    if (!(data.position < position)) {
      problem('checkpoint-position-invalid', `covers position ${data.position}, at or after itself`);
      return false;
    }
    const expected = (this.latest?.sequence ?? 0) + 1;
    if (data.sequence !== expected) {
      problem('checkpoint-missing', `checkpoint ${data.sequence} follows ${expected - 1}`);
    } else if (this.latest && !sameReference(data.previousCheckpoint, this.latest)) {
      problem('previous-checkpoint-mismatch', `it names a predecessor other than checkpoint ${expected - 1}`);
    }
    this.latest = referenceOf(data);
    return true;
  }

  compare({ data, position }: PendingCheckpoint, snapshot: Snapshot): void {
    const problem = (reason: CheckpointProblemReason, detail: string) =>
      this.problems.push({ sequence: data.sequence, position, covers: data.position, reason, detail });
    const root = merkleRoot(snapshot.heads);
    if (snapshot.heads.length !== data.streams) {
      problem(
        'stream-count-mismatch',
        `${data.streams} streams recorded, ${snapshot.heads.length} found up to position ${data.position}`,
      );
    } else if (snapshot.events !== data.events) {
      problem(
        'event-count-mismatch',
        `${data.events} events recorded, ${snapshot.events} found up to position ${data.position}`,
      );
    } else if (root !== data.merkleRoot) {
      problem(
        'merkle-root-mismatch',
        `the stream heads up to position ${data.position} do not give the recorded root`,
      );
    } else {
      this.verified++;
    }
  }
}

function sameReference(a: CheckpointReference | undefined, b: CheckpointReference): boolean {
  return (
    a !== undefined && a.sequence === b.sequence && a.position === b.position && a.merkleRoot === b.merkleRoot
  );
}
