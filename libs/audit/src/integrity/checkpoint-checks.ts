import type { KeyObject } from 'node:crypto';
import {
  type CheckpointReference,
  checkpointSignatureProblem,
  type CheckpointSignatureProblem,
  type IntegrityCheckpointData,
  referenceOf,
} from './checkpoint';
import { merkleRoot, type StreamHead } from './merkle';

export type CheckpointProblemReason =
  | 'merkle-root-mismatch'
  | 'stream-count-mismatch'
  | 'event-count-mismatch'
  | 'checkpoint-missing'
  | 'previous-checkpoint-mismatch'
  | 'checkpoint-position-invalid'
  | CheckpointSignatureProblem
  | 'expected-checkpoint-missing'
  | 'expected-checkpoint-mismatch';

export interface CheckpointProblem {
  sequence: number;
  /** Where the checkpoint event itself is stored (0: not in the store at all). */
  position: number;
  /** The store prefix it commits to (0: unknown). */
  covers: number;
  reason: CheckpointProblemReason;
  detail: string;
}

/** A checkpoint an auditor obtained earlier (a signed export manifest, the worker's log). */
export interface ExpectedCheckpoint {
  sequence: number;
  merkleRoot: string;
}

export interface CheckpointSummary {
  count: number;
  /** Signed by the trusted key and matching the store at the position they cover. */
  verified: number;
  /** The key every checkpoint must be signed with. */
  keyId: string;
  /** The newest checkpoint found, trusted or not. */
  latest?: CheckpointReference;
  /** Events up to here are covered by a signed, matching checkpoint; newer ones only by their chains. */
  coveredUpTo: number;
  expected?: ExpectedCheckpoint & { found: 'matches' | 'differs' | 'missing' };
  problems: CheckpointProblem[];
}

export interface PendingCheckpoint {
  data: IntegrityCheckpointData;
  position: number;
}

export interface Snapshot {
  heads: StreamHead[];
  events: number;
}

interface Seen {
  reference: CheckpointReference;
  signed: boolean;
  matches: boolean;
}

/** The checkpoints' signatures and sequence, and their comparison with the recomputed store prefix. */
export class CheckpointChecks {
  private readonly problems: CheckpointProblem[] = [];
  private readonly seen = new Map<number, Seen>();
  private count = 0;
  private latest?: CheckpointReference;

  constructor(private readonly trusted: { publicKey: KeyObject; keyId: string }) {}

  /** Numbers run 1, 2, 3…, each naming its predecessor; a gap means a checkpoint was removed. */
  sequence({ data, position }: PendingCheckpoint): boolean {
    this.count++;
    const problem = this.problemOf(data, position);
    if (!(data.position < position)) {
      problem('checkpoint-position-invalid', `covers position ${data.position}, at or after itself`);
      return false;
    }
    const unsigned = checkpointSignatureProblem(data, this.trusted);
    if (unsigned) problem(unsigned.reason, unsigned.detail);
    const expected = (this.latest?.sequence ?? 0) + 1;
    if (data.sequence !== expected) {
      problem('checkpoint-missing', `checkpoint ${data.sequence} follows ${expected - 1}`);
    } else if (this.latest && !sameReference(data.previousCheckpoint, this.latest)) {
      problem('previous-checkpoint-mismatch', `it names a predecessor other than checkpoint ${expected - 1}`);
    }
    this.latest = referenceOf(data);
    this.seen.set(data.sequence, { reference: this.latest, signed: !unsigned, matches: false });
    return true;
  }

  compare({ data, position }: PendingCheckpoint, snapshot: Snapshot): void {
    const problem = this.problemOf(data, position);
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
      const seen = this.seen.get(data.sequence);
      if (seen?.reference.position === data.position) seen.matches = true;
    }
  }

  summary(expect?: ExpectedCheckpoint): CheckpointSummary {
    const trusted = [...this.seen.values()].filter((s) => s.signed && s.matches);
    return {
      count: this.count,
      verified: trusted.length,
      keyId: this.trusted.keyId,
      ...(this.latest ? { latest: this.latest } : {}),
      coveredUpTo: Math.max(0, ...trusted.map((s) => s.reference.position)),
      ...(expect ? { expected: this.expected(expect) } : {}),
      problems: [...this.problems].sort((a, b) => a.position - b.position),
    };
  }

  /** A store cut back to before a checkpoint still verifies on its own: only a root kept elsewhere shows it. */
  private expected(expect: ExpectedCheckpoint): NonNullable<CheckpointSummary['expected']> {
    const seen = this.seen.get(expect.sequence);
    const problem = (reason: CheckpointProblemReason, detail: string) =>
      this.problems.push({
        sequence: expect.sequence,
        position: seen?.reference.position ?? 0,
        covers: 0,
        reason,
        detail,
      });
    if (!seen) {
      problem(
        'expected-checkpoint-missing',
        `checkpoint ${expect.sequence} is not in the store (the newest is ${this.latest?.sequence ?? 'none'}): ` +
          'the store was cut back to before it, or it was removed',
      );
      return { ...expect, found: 'missing' };
    }
    if (seen.reference.merkleRoot !== expect.merkleRoot) {
      problem(
        'expected-checkpoint-mismatch',
        `checkpoint ${expect.sequence} in the store has root ${seen.reference.merkleRoot}, not ${expect.merkleRoot}`,
      );
      return { ...expect, found: 'differs' };
    }
    return { ...expect, found: 'matches' };
  }

  private problemOf(data: IntegrityCheckpointData, position: number) {
    return (reason: CheckpointProblemReason, detail: string) =>
      this.problems.push({ sequence: data.sequence, position, covers: data.position, reason, detail });
  }
}

function sameReference(a: CheckpointReference | undefined, b: CheckpointReference): boolean {
  return (
    a !== undefined && a.sequence === b.sequence && a.position === b.position && a.merkleRoot === b.merkleRoot
  );
}
