import Database from 'better-sqlite3';
import { type AuditDataSet, buildAuditDataSet } from './support/audit-data-set';
import { runTs } from './support/run-ts';

const VERIFY = 'libs/audit/src/cli/verify.ts';
const REPLAY = 'libs/audit/src/cli/replay.ts';

jest.setTimeout(120_000);

describe('audit:verify', () => {
  it('exits 0 on an intact store, 1 once a payload in the file was altered, naming the link', async () => {
    const data = await buildAuditDataSet();
    const intact = await runTs(VERIFY, [], data.env);
    expect(intact.stdout).toMatch(/checkpoints: 1, 1 verified/);
    expect(intact.stdout).toMatch(
      /covers: chains of \d+ streams; checkpoints 1\.\.1 signed by [0-9a-f]{64} \(configured key\); events after position \d+ are covered by chains only/,
    );
    expect(intact.stdout).toMatch(/OK: every chain is intact and every checkpoint is signed and matches/);
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
      // The submission follows the draft, four invitations and four confirmations: revision 9.
      /BROKEN application-kkz-2011\.05978000 revision 9 \(position \d+\): hash-mismatch/,
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
