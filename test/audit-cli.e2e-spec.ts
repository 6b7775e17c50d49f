import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { type AuditDataSet, buildAuditDataSet } from './support/audit-data-set';
import { runTs } from './support/run-ts';
import { bearer, startTestApi } from './support/test-api';
import { SqliteEventStore } from '@app/eventsourcing';

const VERIFY = 'libs/audit/src/cli/verify.ts';
const REPLAY = 'libs/audit/src/cli/replay.ts';
const VERIFY_EXPORT = 'libs/audit/src/cli/verify-export.ts';

jest.setTimeout(120_000);

describe('audit:verify', () => {
  it('exits 0 on an intact store, 1 once a payload in the file was altered, naming the link', async () => {
    const data = await buildAuditDataSet();
    const intact = await runTs(VERIFY, [], data.env);
    expect(intact.stdout).toMatch(/checkpoints: 1, 1 verified/);
    expect(intact.stdout).toMatch(/OK: every chain is intact/);
    expect(intact.code).toBe(0);

    const sql = new Database(data.file);
    sql
      .prepare(
        `UPDATE events SET data = replace(data, '2011-12-14', '2011-12-10') WHERE type = 'ExpressionOfInterestSubmitted'`,
      )
      .run();
    sql.close();
    const altered = await runTs(VERIFY, [], data.env);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toMatch(
      /BROKEN application-kkz-2011\.05978000 revision 1 \(position \d+\): hash-mismatch/,
    );
  });

  it('exits 1 when a whole stream was deleted (caught by the checkpoint)', async () => {
    const data = await buildAuditDataSet();
    const sql = new Database(data.file);
    sql.prepare(`DELETE FROM events WHERE stream_id = 'application-kkz-2011.05119000'`).run();
    sql.close();
    const result = await runTs(VERIFY, ['--json'], data.env);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.chainBreaks).toEqual([]);
    expect(report.checkpoints.problems).toEqual([
      expect.objectContaining({ reason: 'stream-count-mismatch' }),
    ]);
  });

  it('exits 2 on a configuration it cannot use', async () => {
    const data = await buildAuditDataSet();
    const result = await runTs(VERIFY, [], { ...data.env, EVENT_STORE_URL: 'postgres://nowhere' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/EVENT_STORE_URL/);
  });
});

describe('audit:replay', () => {
  let data: AuditDataSet;
  beforeAll(async () => {
    data = await buildAuditDataSet();
  });

  it('rebuilds every read model from position 0, v1 events included, and finds it equal to the live one', async () => {
    const result = await runTs(REPLAY, [], data.env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/same +expressions-of-interest/);
    expect(result.stdout).toMatch(/same +programmes-calls/);
    expect(result.stdout).toMatch(/OK: every read model rebuilt from position 0 equals the live one/);
    expect(result.code).toBe(0);
  });

  it('prints the programme as of a business date with --until', async () => {
    const result = await runTs(REPLAY, ['--until', '2011-12-13', '--time', 'occurred'], data.env);
    expect(result.code).toBe(0);
    const state = JSON.parse(result.stdout);
    expect(state.asOf).toMatchObject({ date: '2011-12-13', time: 'occurred' });
    const views = Object.values(state.readModels['expressions-of-interest'].byId) as { status: string }[];
    expect(views.map((v) => v.status)).toEqual(['draft', 'draft']);
  });

  it('exits 1 and names the read model whose rebuild differs from the live state', async () => {
    const result = await runTs('test/support/audit-replay-faulty.child.ts', [], data.env);
    expect(result.stdout).toMatch(/DIFFERS +counts-deliveries at \$\.seen/);
    expect(result.stdout).toMatch(/same +expressions-of-interest/);
    expect(result.code).toBe(1);
  });

  it('exits 2 on a date it cannot read', async () => {
    const result = await runTs(REPLAY, ['--until', 'last tuesday'], data.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--until takes a date/);
  });
});

describe('audit:verify-export (offline)', () => {
  let file: string;
  let publicKeyFile: string;
  let dir: string;

  beforeAll(async () => {
    const data = await buildAuditDataSet();
    dir = data.dir;
    const api = await startTestApi({ store: new SqliteEventStore(data.file), env: { DATA_DIR: data.dir } });
    const auditor = bearer(await api.token('auditor'));
    const key = await api.http.get('/audit/public-key').set(auditor).expect(200);
    const exported = await api.http
      .get('/audit/export?programmeId=kkz')
      .set(auditor)
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done(null, body));
      })
      .expect(200);
    await api.close();
    file = join(dir, 'export.ndjson');
    writeFileSync(file, exported.body as string);
    publicKeyFile = join(dir, 'audit-public-key.pem');
    writeFileSync(publicKeyFile, key.body.publicKeyPem);
  });

  const offline = { PATH: process.env.PATH ?? '' };

  it('exits 0 for an untouched export, with the key pinned, needing no server or configuration', async () => {
    const result = await runTs(VERIFY_EXPORT, [file, '--public-key', publicKeyFile], offline);
    expect(result.stdout).toMatch(/OK: the export is intact and its signature verifies/);
    expect(result.code).toBe(0);
  });

  it('exits 1 for an altered, a dropped or a reordered line', async () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const variants = {
      altered: lines.map((l, i) => (i === 2 ? l.replace('"kkz-2011"', '"kkz-2012"') : l)),
      dropped: lines.filter((_, i) => i !== 1),
      reordered: [lines[1], lines[0], ...lines.slice(2)],
    };
    for (const [name, variant] of Object.entries(variants)) {
      const tampered = join(dir, `${name}.ndjson`);
      writeFileSync(tampered, variant.join('\n'));
      const result = await runTs(VERIFY_EXPORT, [tampered], offline);
      expect({ name, code: result.code }).toEqual({ name, code: 1 });
      expect(result.stdout).toMatch(/MISMATCH/);
    }
  });

  it('exits 1 when the export was re-signed by another key and that key is not the pinned one', async () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const otherFile = join(dir, 'other.pem');
    writeFileSync(otherFile, other);
    const result = await runTs(VERIFY_EXPORT, [file, '--public-key', otherFile], offline);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/not by the pinned key/);
  });

  it('exits 2 for a file that is not there', async () => {
    const result = await runTs(VERIFY_EXPORT, [join(dir, 'missing.ndjson')], offline);
    expect(result.code).toBe(2);
  });
});
