import type Database from 'better-sqlite3';
import { eventHash } from '@app/eventsourcing';
import type { IntegrityCheckpointData } from '../integrity/checkpoint';
import { checkpointStream } from '../integrity/checkpoint';
import { merkleRoot, type StreamHead } from '../integrity/merkle';

type Sql = Database.Database;
interface Row {
  position: number;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

const rows = (sql: Sql, where: string, ...args: unknown[]) =>
  sql
    .prepare(
      `SELECT position, stream_id, revision, type, data, metadata FROM events WHERE ${where} ORDER BY position`,
    )
    .all(...args) as Row[];

/** Rewrites one event in place with its hash recomputed (and its prevHash set), as a forger would. */
function rewrite(sql: Sql, row: Row, data: unknown, prevHash: string): string {
  const { hash: _old, ...metadata } = { ...JSON.parse(row.metadata), prevHash };
  const hash = eventHash({ streamId: row.stream_id, revision: row.revision, type: row.type, data, metadata });
  sql
    .prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?')
    .run(JSON.stringify(data), JSON.stringify({ ...metadata, hash }), row.position);
  return hash;
}

/** Changes every event of a stream and recomputes its whole chain: no chain check can tell. */
export function rewriteStream(
  sql: Sql,
  streamId: string,
  change: (data: Record<string, unknown>) => unknown,
): void {
  let prevHash = '0'.repeat(64);
  for (const row of rows(sql, 'stream_id = ?', streamId)) {
    prevHash = rewrite(sql, row, change(JSON.parse(row.data)), prevHash);
  }
}

/**
 * Recomputes a checkpoint over the file as it now is (root, counts), as a forger without the
 * key would, and stores whatever `sign` makes of it, with the checkpoint event's hash recomputed.
 */
export function rewriteCheckpoint(
  sql: Sql,
  sequence: number,
  sign: (content: IntegrityCheckpointData) => Record<string, unknown>,
): IntegrityCheckpointData {
  const [row] = rows(sql, 'stream_id = ?', checkpointStream(sequence));
  const old = JSON.parse(row.data) as IntegrityCheckpointData;
  const heads = new Map<string, StreamHead>();
  const prefix = rows(sql, 'position <= ?', old.position);
  for (const r of prefix) {
    heads.set(r.stream_id, {
      streamId: r.stream_id,
      revision: r.revision,
      hash: JSON.parse(r.metadata).hash,
    });
  }
  const content = {
    ...old,
    streams: heads.size,
    events: prefix.length,
    merkleRoot: merkleRoot([...heads.values()]),
  };
  const data = sign(content);
  rewrite(sql, row, data, JSON.parse(row.metadata).prevHash);
  return data as unknown as IntegrityCheckpointData;
}
