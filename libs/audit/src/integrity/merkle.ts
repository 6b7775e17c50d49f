import { createHash } from 'node:crypto';

/** The newest event of a stream: what a checkpoint commits to for that stream. */
export interface StreamHead {
  streamId: string;
  revision: number;
  hash: string;
}

/** Root of a tree with no leaves: the store was empty. */
export const EMPTY_MERKLE_ROOT = createHash('sha256').update('').digest('hex');

// Leaves and inner nodes are hashed with different prefixes (as in RFC 6962), so that an inner
// node can never be passed off as a leaf.
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

function leaf(head: StreamHead): Buffer {
  return createHash('sha256')
    .update(LEAF)
    .update(`${head.streamId}\n${head.revision}\n${head.hash}`, 'utf8')
    .digest();
}

/** Code-unit order, the same in every runtime and locale. */
export function byStreamId(a: StreamHead, b: StreamHead): number {
  return a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0;
}

/**
 * SHA-256 Merkle root over stream heads sorted by stream id. Deleting a whole stream, or the
 * newest events of one, changes its leaf or removes it, and so changes the root. An odd node at
 * the end of a level moves up unchanged.
 */
export function merkleRoot(heads: readonly StreamHead[]): string {
  if (heads.length === 0) return EMPTY_MERKLE_ROOT;
  let level = [...heads].sort(byStreamId).map(leaf);
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(
        i + 1 < level.length
          ? createHash('sha256')
              .update(NODE)
              .update(level[i])
              .update(level[i + 1])
              .digest()
          : level[i],
      );
    }
    level = next;
  }
  return level[0].toString('hex');
}
