import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { AuditSigningKey } from '../signing/audit-signing-key';
import { checkpointPayload } from './checkpoint';
import { CheckpointRecorder } from './checkpoint-recorder';
import { rewriteCheckpoint, rewriteStream } from '../testing/tamper';
import { verifyIntegrity, type VerifyOptions } from './verify-integrity';

const NOW = () => new Date('2012-03-01T09:00:00.000Z');
const KEY = AuditSigningKey.generate();
const recorder = (store: SqliteEventStore) => new CheckpointRecorder(store, NOW, KEY);

/**
 * Three streams of four events, an integrity checkpoint, then two more events: a small store
 * whose SQLite file the tests then alter behind the application's back.
 */
async function storeWithCheckpoint() {
  const file = join(mkdtempSync(join(tmpdir(), 'audit-tamper-')), 'events.sqlite');
  const store = new SqliteEventStore(file);
  for (let revision = 0; revision < 4; revision++) {
    for (const stream of ['application-a', 'application-b', 'grant-c']) {
      await store.appendToStream(
        stream,
        [newEvent('Tick', { stream, revision, note: 'Präventionskette' })],
        revision === 0 ? 'no_stream' : revision - 1,
      );
    }
  }
  const checkpoint = await recorder(store).record();
  await store.appendToStream('application-a', [newEvent('Tick', { after: true })], 3);
  await store.appendToStream('deadline-d', [newEvent('Tick', { after: true })], 'no_stream');
  await store.close();
  const sql = new Database(file);
  const verify = async (options?: Partial<VerifyOptions>) => {
    const reopened = new SqliteEventStore(file);
    try {
      return await verifyIntegrity(reopened, { publicKey: KEY.publicKey, pageSize: 5, ...options });
    } finally {
      await reopened.close();
    }
  };
  return { file, sql, verify, checkpoint };
}

type Sql = Database.Database;
const rowOf = (sql: Sql, stream: string, revision: number) =>
  sql
    .prepare('SELECT position, data, metadata FROM events WHERE stream_id = ? AND revision = ?')
    .get(stream, revision) as {
    position: number;
    data: string;
    metadata: string;
  };

describe('integrity verification of a tampered SQLite file', () => {
  it('finds an untouched store intact and its checkpoint matching', async () => {
    const { sql, verify, checkpoint } = await storeWithCheckpoint();
    expect(checkpoint).toMatchObject({ sequence: 1, position: 12, streams: 3, events: 12 });
    const report = await verify();
    expect(report).toMatchObject({ ok: true, events: 15, streams: 5, chainBreaks: [] });
    expect(report.checkpoints).toMatchObject({ count: 1, verified: 1, coveredUpTo: 12, problems: [] });
    sql.close();
  });

  it('names the first broken link when a payload was altered', async () => {
    const { sql, verify } = await storeWithCheckpoint();
    sql
      .prepare(
        `UPDATE events SET data = '{"stream":"grant-c","revision":2,"note":"geändert"}' WHERE stream_id = 'grant-c' AND revision = 2`,
      )
      .run();
    sql
      .prepare(
        `UPDATE events SET data = '{"changed":true}' WHERE stream_id = 'application-b' AND revision = 3`,
      )
      .run();
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ streamId: 'grant-c', revision: 2, reason: 'hash-mismatch' });
    expect(report.chainBreaks.map((b) => b.streamId)).toEqual(['grant-c', 'application-b']);
    sql.close();
  });

  it('notices altered metadata (a different actor)', async () => {
    const { sql, verify } = await storeWithCheckpoint();
    const metadata = JSON.parse(rowOf(sql, 'application-a', 1).metadata);
    metadata.actor = { subject: 'someone-else', role: 'grants-office' };
    sql
      .prepare(`UPDATE events SET metadata = ? WHERE stream_id = 'application-a' AND revision = 1`)
      .run(JSON.stringify(metadata));
    expect((await verify()).firstBreak).toMatchObject({
      streamId: 'application-a',
      revision: 1,
      reason: 'hash-mismatch',
    });
    sql.close();
  });

  it('notices a missing revision', async () => {
    const { sql, verify } = await storeWithCheckpoint();
    sql.prepare(`DELETE FROM events WHERE stream_id = 'application-b' AND revision = 1`).run();
    const report = await verify();
    expect(report.firstBreak).toMatchObject({
      streamId: 'application-b',
      revision: 2,
      reason: 'revision-gap',
    });
    expect(report.checkpoints.problems).toEqual([
      expect.objectContaining({ reason: 'event-count-mismatch' }),
    ]);
    sql.close();
  });

  it('notices two events of a stream swapped in the file', async () => {
    const { sql, verify } = await storeWithCheckpoint();
    const first = rowOf(sql, 'grant-c', 1);
    const second = rowOf(sql, 'grant-c', 2);
    const swap = sql.prepare('UPDATE events SET data = ?, metadata = ?, event_id = ? WHERE position = ?');
    sql.transaction(() => {
      swap.run(second.data, second.metadata, 'moving', first.position);
      swap.run(first.data, first.metadata, JSON.parse(first.metadata).eventId, second.position);
    })();
    const report = await verify();
    expect(report.firstBreak).toMatchObject({ streamId: 'grant-c', revision: 1 });
    expect(['prev-hash-mismatch', 'hash-mismatch']).toContain(report.firstBreak?.reason);
    sql.close();
  });

  it('notices the newest events of a stream cut off, which no chain can show', async () => {
    const { sql, verify } = await storeWithCheckpoint();
    sql.prepare(`DELETE FROM events WHERE stream_id = 'grant-c' AND revision = 3`).run();
    const report = await verify();
    expect(report.chainBreaks).toEqual([]);
    expect(report.ok).toBe(false);
    expect(report.checkpoints.problems).toEqual([
      expect.objectContaining({ sequence: 1, covers: 12, reason: 'event-count-mismatch' }),
    ]);
    sql.close();
  });

  it('notices a whole stream deleted', async () => {
    const { sql, verify } = await storeWithCheckpoint();
    sql.prepare(`DELETE FROM events WHERE stream_id = 'application-b'`).run();
    const report = await verify();
    expect(report.chainBreaks).toEqual([]);
    expect(report.checkpoints.problems).toEqual([
      expect.objectContaining({ sequence: 1, reason: 'stream-count-mismatch' }),
    ]);
    sql.close();
  });

  it('notices a stream rewritten with freshly computed hashes, by the Merkle root', async () => {
    const { sql, verify } = await storeWithCheckpoint();
    rewriteStream(sql, 'grant-c', (data) => ({ ...data, note: 'nachträglich geschönt' }));
    const report = await verify();
    expect(report.chainBreaks).toEqual([]);
    expect(report.checkpoints.problems).toEqual([
      expect.objectContaining({ reason: 'merkle-root-mismatch' }),
    ]);
    sql.close();
  });

  it('notices a forged checkpoint and a removed one', async () => {
    const { file, sql } = await storeWithCheckpoint();
    const store = new SqliteEventStore(file);
    const checkpoints = recorder(store);
    expect(await checkpoints.record()).toMatchObject({ sequence: 2, previousCheckpoint: { sequence: 1 } });
    await store.appendToStream('grant-c', [newEvent('Tick', {})], 3);
    expect(await checkpoints.record()).toMatchObject({ sequence: 3 });
    await store.close();
    const forged = JSON.parse(rowOf(sql, 'audit-checkpoint-1', 0).data);
    sql
      .prepare(`UPDATE events SET data = ? WHERE stream_id = 'audit-checkpoint-1'`)
      .run(JSON.stringify({ ...forged, merkleRoot: 'f'.repeat(64) }));
    sql.prepare(`DELETE FROM events WHERE stream_id = 'audit-checkpoint-2'`).run();
    const reopened = new SqliteEventStore(file);
    const report = await verifyIntegrity(reopened, { publicKey: KEY.publicKey });
    await reopened.close();
    expect(report.firstBreak).toMatchObject({ streamId: 'audit-checkpoint-1', reason: 'hash-mismatch' });
    expect(report.checkpoints.problems.map((p) => [p.sequence, p.reason])).toEqual([
      [1, 'checkpoint-signature-invalid'],
      [1, 'merkle-root-mismatch'],
      [3, 'checkpoint-missing'],
      [3, 'stream-count-mismatch'],
    ]);
    sql.close();
  });

  it('reports an unreadable row instead of failing', async () => {
    const { sql, verify } = await storeWithCheckpoint();
    sql
      .prepare(`UPDATE events SET data = '{not json' WHERE stream_id = 'application-a' AND revision = 0`)
      .run();
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.unreadable).toEqual(expect.any(String));
    sql.close();
  });

  it('checks a checkpoint that covers a position far back with a second pass', async () => {
    const { sql, verify } = await storeWithCheckpoint();
    expect((await verify({ lookBack: 1 })).checkpoints).toMatchObject({ verified: 1, problems: [] });
    sql.prepare(`DELETE FROM events WHERE stream_id = 'application-b'`).run();
    expect((await verify({ lookBack: 1 })).checkpoints.problems).toEqual([
      expect.objectContaining({ reason: 'stream-count-mismatch' }),
    ]);
    sql.close();
  });
});

describe('signed checkpoints against someone who can write to the SQLite file', () => {
  it('notices a stream rewritten with fresh hashes and its checkpoint recomputed without the key', async () => {
    const { sql, verify, checkpoint } = await storeWithCheckpoint();
    rewriteStream(sql, 'grant-c', (data) => ({ ...data, note: 'nachträglich geschönt' }));
    const recomputed = rewriteCheckpoint(sql, 1, ({ signature: _s, keyId: _k, ...content }) => content);
    expect(recomputed.merkleRoot).not.toBe(checkpoint?.merkleRoot);
    const report = await verify();
    expect(report.chainBreaks).toEqual([]);
    expect(report.ok).toBe(false);
    // Chains and root agree with the rewritten store: only the missing signature gives it away.
    expect(report.checkpoints.problems.map((p) => [p.sequence, p.reason])).toEqual([
      [1, 'checkpoint-unsigned'],
    ]);
    expect(report.checkpoints).toMatchObject({ verified: 0, coveredUpTo: 0 });
    sql.close();
  });

  it('notices a recomputed checkpoint signed by another key, whichever key id it names', async () => {
    const forger = AuditSigningKey.generate();
    for (const keyId of [forger.info.keyId, KEY.info.keyId]) {
      const { sql, verify } = await storeWithCheckpoint();
      rewriteStream(sql, 'grant-c', (data) => ({ ...data, note: 'nachträglich geschönt' }));
      rewriteCheckpoint(sql, 1, ({ signature: _s, ...content }) => {
        const claimed = { ...content, keyId };
        return { ...claimed, signature: forger.sign(checkpointPayload(claimed)) };
      });
      const report = await verify();
      expect(report.chainBreaks).toEqual([]);
      expect(report.checkpoints.problems).toEqual([
        expect.objectContaining({ sequence: 1, reason: 'checkpoint-signature-invalid' }),
      ]);
      sql.close();
    }
  });

  it('refuses checkpoints the trusted key did not sign, even untouched ones', async () => {
    const { sql, verify } = await storeWithCheckpoint();
    const report = await verify({ publicKey: AuditSigningKey.generate().publicKey });
    expect(report.checkpoints.problems).toEqual([
      expect.objectContaining({ sequence: 1, reason: 'checkpoint-signature-invalid' }),
    ]);
    sql.close();
  });

  it('notices the tail cut off, newest checkpoint included, only against a root kept from before', async () => {
    const { file, sql, verify } = await storeWithCheckpoint();
    const store = new SqliteEventStore(file);
    const second = await recorder(store).record();
    await store.appendToStream('grant-c', [newEvent('Tick', { late: true })], 3);
    await store.close();
    const first = JSON.parse(rowOf(sql, 'audit-checkpoint-1', 0).data);
    expect(second).toMatchObject({ sequence: 2, position: 15 });

    const cutAfter = rowOf(sql, 'audit-checkpoint-1', 0).position;
    sql.prepare('DELETE FROM events WHERE position > ?').run(cutAfter);
    const alone = await verify();
    // What remains is a store that once was: nothing in it can tell.
    expect(alone).toMatchObject({ ok: true, checkpoints: { latest: { sequence: 1 }, coveredUpTo: 12 } });

    const held = await verify({ expect: { sequence: 2, merkleRoot: second?.merkleRoot as string } });
    expect(held.ok).toBe(false);
    expect(held.checkpoints.expected).toMatchObject({ sequence: 2, found: 'missing' });
    expect(held.checkpoints.problems).toEqual([
      expect.objectContaining({ sequence: 2, reason: 'expected-checkpoint-missing' }),
    ]);
    const older = await verify({ expect: { sequence: 1, merkleRoot: first.merkleRoot } });
    expect(older).toMatchObject({ ok: true, checkpoints: { expected: { found: 'matches' } } });
    const wrong = await verify({ expect: { sequence: 1, merkleRoot: 'a'.repeat(64) } });
    expect(wrong.checkpoints.problems).toEqual([
      expect.objectContaining({ sequence: 1, reason: 'expected-checkpoint-mismatch' }),
    ]);
    sql.close();
  });
});

describe('checkpoint recording', () => {
  it('records nothing when no fact was added since the last checkpoint, and one more when one was', async () => {
    const { file, sql } = await storeWithCheckpoint();
    const store = new SqliteEventStore(file);
    const checkpoints = recorder(store);
    expect(await checkpoints.record()).toMatchObject({ sequence: 2, position: 15, streams: 5, events: 15 });
    expect(await checkpoints.record()).toBeUndefined();
    await store.appendToStream('grant-c', [newEvent('Tick', {})], 3);
    expect(await checkpoints.record()).toMatchObject({ sequence: 3, position: 17 });
    await store.close();
    sql.close();
  });

  it('lets one of two racing workers write a checkpoint number; the other skips', async () => {
    const { file, sql } = await storeWithCheckpoint();
    const store = new SqliteEventStore(file);
    const results = await Promise.all([recorder(store).record(), recorder(store).record()]);
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    expect(await store.readStream('audit-checkpoint-2')).toHaveLength(1);
    await store.close();
    sql.close();
  });
});
