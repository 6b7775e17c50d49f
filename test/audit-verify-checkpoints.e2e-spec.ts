import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditSigningKey, CheckpointRecorder, loadSigningKey, signCheckpoint } from '@app/audit';
import { rewriteCheckpoint, rewriteStream } from '@app/audit/testing/tamper';
import { SqliteEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { type AuditDataSet, buildAuditDataSet } from './support/audit-data-set';
import { runTs } from './support/run-ts';

const VERIFY = 'libs/audit/src/cli/verify.ts';
const UNNA_APP = 'application-kkz-2011.05978000';

jest.setTimeout(120_000);

/** The audit key the data set's API made under DATA_DIR: the one its checkpoints are signed with. */
const keyOf = (data: AuditDataSet) =>
  loadSigningKey({ source: 'generated', file: join(data.dir, 'audit-signing-key.pem') });

/** Someone with write access to the SQLite file rewrites Kreis Unna's application and covers it up. */
function rewriteUnnaApplication(data: AuditDataSet, sign: Parameters<typeof rewriteCheckpoint>[2]) {
  const sql = new Database(data.file);
  rewriteStream(sql, UNNA_APP, (d) => ({ ...d, title: 'Brücken für Familien (nachträglich)' }));
  rewriteCheckpoint(sql, 1, sign);
  sql.close();
}

describe('audit:verify against signed checkpoints', () => {
  it('exits 1 for a stream rewritten with recomputed hashes and an unsigned recomputed checkpoint', async () => {
    const data = await buildAuditDataSet();
    rewriteUnnaApplication(data, ({ signature: _s, keyId: _k, ...content }) => content);
    const result = await runTs(VERIFY, [], data.env);
    expect(result.stdout).not.toMatch(/BROKEN/);
    expect(result.stdout).toMatch(/CHECKPOINT #1 \(position \d+, covering \d+\): checkpoint-unsigned/);
    expect(result.stdout).toMatch(/FAILED: the store has been altered/);
    expect(result.code).toBe(1);
  });

  it('exits 1 when the recomputed checkpoint is signed by a key other than the configured or pinned one', async () => {
    const data = await buildAuditDataSet();
    const forgerPair = generateKeyPairSync('ed25519');
    const forger = new AuditSigningKey(forgerPair.privateKey);
    rewriteUnnaApplication(data, ({ signature: _s, keyId: _k, ...content }) => ({
      ...signCheckpoint(content, forger),
    }));
    const configured = await runTs(VERIFY, [], data.env);
    expect(configured.stdout).toMatch(
      /checkpoint-signature-invalid: it names key [0-9a-f]{64}, not the trusted key/,
    );
    expect(configured.code).toBe(1);

    // The forger also replaced the key under DATA_DIR: only a key pinned from before shows it.
    const pinned = join(data.dir, 'pinned.pem');
    writeFileSync(pinned, keyOf(data).info.publicKeyPem);
    writeFileSync(
      join(data.dir, 'audit-signing-key.pem'),
      forgerPair.privateKey.export({ format: 'pem', type: 'pkcs8' }),
    );
    expect((await runTs(VERIFY, [], data.env)).code).toBe(0);
    const result = await runTs(VERIFY, ['--public-key', pinned], data.env);
    expect(result.stdout).toMatch(/checkpoint-signature-invalid/);
    expect(result.code).toBe(1);
  });

  it('exits 1 for a tail cut off with its newest checkpoint, given the root kept from before', async () => {
    const data = await buildAuditDataSet();
    const store = new SqliteEventStore(data.file);
    const firstCheckpoint = (await store.readStream('audit-checkpoint-1'))[0];
    await store.appendToStream(UNNA_APP, [newEvent('Tick', { late: true })], 'any');
    const second = await new CheckpointRecorder(store, () => new Date(), keyOf(data)).record();
    await store.close();
    const expectSecond = `${second?.sequence}:${second?.merkleRoot}`;
    expect((await runTs(VERIFY, ['--expect', expectSecond], data.env)).code).toBe(0);

    const sql = new Database(data.file);
    sql.prepare('DELETE FROM events WHERE position > ?').run(firstCheckpoint.position);
    sql.close();
    const alone = await runTs(VERIFY, [], data.env);
    expect(alone.stdout).toMatch(/note: without --expect <sequence>:<root> a store cut back/);
    expect(alone.code).toBe(0);
    const held = await runTs(VERIFY, ['--expect', expectSecond], data.env);
    expect(held.stdout).toMatch(/expected checkpoint #2 \(root [0-9a-f]{64}\): missing/);
    expect(held.stdout).toMatch(/CHECKPOINT #2: expected-checkpoint-missing/);
    expect(held.code).toBe(1);
  });

  it('exits 2 for an --expect or --public-key it cannot read, or with no key to check against', async () => {
    const data = await buildAuditDataSet();
    for (const args of [
      ['--expect', '2:abc'],
      ['--public-key', 'not-a-key'],
    ]) {
      const result = await runTs(VERIFY, args, data.env);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
    }
    const noKey = await runTs(VERIFY, [], {
      ...data.env,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'kkz-no-key-')),
    });
    expect(noKey.stderr).toMatch(/no audit key to check the checkpoints' signatures against/);
    expect(noKey.code).toBe(2);
  });
});
