import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { SqliteEventStore } from './adapters/sqlite-event-store';
import type { RecordedEvent } from './event';
import { type Projection, ProjectionRunner, rebuild } from './projection';
import { buildFingerprint, ReadModelSnapshots, snapshotFingerprint } from './read-model-snapshots';
import { newEvent } from './testing/new-event';

/** A read model shaped like the application's: maps, sets, one list shared by many entries. */
interface Ledger {
  byAccount: Map<string, { total: number; entries: number[]; tags: readonly string[] }>;
  seen: Set<string>;
  count: number;
}
const NO_TAGS: readonly string[] = Object.freeze([]);
const ledger = (version?: number): Projection<Ledger> => ({
  name: 'ledger',
  ...(version === undefined ? {} : { version }),
  eventTypes: ['Booked'],
  initialState: () => ({ byAccount: new Map(), seen: new Set(), count: 0 }),
  apply(state, event: RecordedEvent) {
    const { account, cents } = event.data as { account: string; cents: number };
    const entry = state.byAccount.get(account) ?? { total: 0, entries: [], tags: NO_TAGS };
    entry.total += cents;
    entry.entries.push(cents);
    if (cents > 90) entry.tags = entry.tags.concat(['large']);
    state.byAccount.set(account, entry);
    state.seen.add(event.metadata.eventId);
    state.count++;
    return state;
  },
});
const streams: Projection<string[]> = {
  name: 'streams',
  initialState: () => [],
  apply: (state, event) => (state.includes(event.streamId) ? state : [...state, event.streamId]),
};

describe('read-model snapshots (persisted read models) on SQLite files', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let logs: string[];
  const runners: ProjectionRunner[] = [];

  const snapshots = (fingerprint = 'build-1') =>
    new ReadModelSnapshots({
      dir: join(dir, 'snapshots'),
      fingerprint,
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
  const runner = (
    options: {
      fingerprint?: string;
      projections?: Projection<never>[];
      everyEvents?: number;
      checkMs?: number;
    } = {},
  ) => {
    const r = new ProjectionRunner(store, {
      snapshots: {
        store: snapshots(options.fingerprint),
        everyEvents: options.everyEvents,
        checkMs: options.checkMs,
      },
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
    for (const p of options.projections ?? [ledger(), streams]) r.register(p as Projection<unknown>);
    runners.push(r);
    return r;
  };
  const book = async (count: number, from = 0) => {
    for (let i = from; i < from + count; i += 10) {
      const events = Array.from({ length: Math.min(10, from + count - i) }, (_, k) =>
        newEvent('Booked', { account: `acc-${(i + k) % 7}`, cents: (i + k) % 100 }),
      );
      await store.appendToStream(`ledger-${(i / 10) % 5}`, events, 'any');
    }
  };
  const rebuilt = async () => {
    const events = await store.readAll();
    return { ledger: rebuild(ledger(), events), streams: rebuild(streams, events) };
  };
  const statesOf = (r: ProjectionRunner) => ({ ledger: r.state(ledger()), streams: r.state(streams) });
  const snapshotFile = () => snapshots().fileFor([ledger(), streams] as Projection<unknown>[]);
  const warnings = () => logs.filter((l) => l.startsWith('warn'));
  const eventually = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  /** A snapshot at position 300 written by a runner that then stopped. */
  const snapshotAt300 = async () => {
    await book(300);
    const first = runner();
    await first.start();
    await first.stop();
    expect(logs.some((l) => l.includes('read-model snapshot written at position 300'))).toBe(true);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-model-snapshots-'));
    file = join(dir, 'events.sqlite');
    store = new SqliteEventStore(file, { pollIntervalMs: 20 });
    logs = [];
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilding from scratch, loading a snapshot and catching up, and following live all give the same read models', async () => {
    await book(300);
    const live = runner();
    await live.start();
    expect(logs.some((l) => l.includes('no read-model snapshot'))).toBe(true);
    await live.snapshot();
    expect(logs.some((l) => l.includes('snapshot written at position 300'))).toBe(true);

    await book(200, 300);
    await live.waitFor(500, 5000);
    const restarted = runner();
    await restarted.start();
    expect(logs.some((l) => l.includes('loaded from snapshot') && l.includes('at position 300'))).toBe(true);
    expect(restarted.position).toBe(500);
    expect(warnings()).toEqual([]);

    const fromScratch = await rebuilt();
    expect(fromScratch.ledger.count).toBe(500);
    expect(statesOf(restarted)).toEqual(fromScratch);
    expect(statesOf(live)).toEqual(fromScratch);
    // Both go on alike.
    await book(50, 500);
    await Promise.all([live.waitFor(550, 5000), restarted.waitFor(550, 5000)]);
    expect(statesOf(restarted)).toEqual(await rebuilt());
    expect(statesOf(live)).toEqual(statesOf(restarted));
  });

  it('writes a snapshot every so many events while following, and at an orderly stop', async () => {
    await book(100);
    const r = runner({ everyEvents: 50, checkMs: 20 });
    await r.start();
    await eventually(
      () => logs.some((l) => l.includes('snapshot written at position 100')),
      'the first snapshot',
    );
    await book(60, 100);
    await r.waitFor(160, 5000);
    // Every 50 events: one at 150 or 160, depending on how the appends reach the runner.
    await eventually(
      () => logs.some((l) => /snapshot written at position 1[56]0/.test(l)),
      'a snapshot after 60 more',
    );
    await book(10, 160);
    await r.waitFor(170, 5000);
    await r.stop();
    expect(logs.some((l) => l.includes('snapshot written at position 170'))).toBe(true);
    // Nothing is written twice for the same position, and no temp file is left behind.
    expect(logs.filter((l) => l.includes('snapshot written at position 170'))).toHaveLength(1);
    expect(readFileSync(snapshotFile()).length).toBeGreaterThan(0);
  });

  it('rebuilds when the projection code, a projection version or the set of read models changed', async () => {
    await snapshotAt300();
    const otherBuild = runner({ fingerprint: 'build-2' });
    await otherBuild.start();
    expect(warnings().join('\n')).toMatch(
      /not used, rebuilding from the store: it was written by other read-model code/,
    );
    expect(statesOf(otherBuild)).toEqual(await rebuilt());

    // That start wrote the snapshot again, now of build 2, at its stop; the version changes too.
    await otherBuild.stop();
    logs = [];
    const newVersion = runner({ projections: [ledger(2), streams] as Projection<never>[] });
    await newVersion.start();
    expect(warnings().join('\n')).toMatch(/other read-model code/);
    expect(newVersion.state(ledger())).toEqual((await rebuilt()).ledger);
    // The fingerprint names what it covers.
    const both = [ledger(), streams] as Projection<unknown>[];
    expect(snapshotFingerprint(both, 'a')).not.toBe(snapshotFingerprint(both, 'b'));
    expect(snapshotFingerprint(both, 'a')).not.toBe(
      snapshotFingerprint([ledger(3), streams] as Projection<unknown>[], 'a'),
    );
  });

  it('rebuilds when the store was replaced by another one', async () => {
    await snapshotAt300();
    await store.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    store = new SqliteEventStore(file, { pollIntervalMs: 20 });
    await book(400);
    const r = runner();
    await r.start();
    expect(warnings().join('\n')).toMatch(
      /the event at position 300 is not the one the snapshot was taken after/,
    );
    expect(statesOf(r)).toEqual(await rebuilt());
    expect(r.state(ledger()).count).toBe(400);
  });

  it('rebuilds when the store was truncated or restored from an older backup', async () => {
    await book(120);
    await store.close();
    const backup = join(dir, 'backup.sqlite');
    copyFileSync(file, backup);
    store = new SqliteEventStore(file, { pollIntervalMs: 20 });
    await book(180, 120);
    const first = runner();
    await first.start();
    await first.stop();
    expect(logs.some((l) => l.includes('snapshot written at position 300'))).toBe(true);
    await store.close();
    for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    copyFileSync(backup, file);
    store = new SqliteEventStore(file, { pollIntervalMs: 20 });
    expect(await store.headPosition()).toBe(120);

    const restored = runner();
    await restored.start();
    expect(warnings().join('\n')).toMatch(/the store ends at position 120, before the snapshot's 300/);
    expect(statesOf(restored)).toEqual(await rebuilt());
    expect(restored.state(ledger()).count).toBe(120);
  });

  it.each([
    ['random bytes', (path: string) => writeFileSync(path, Buffer.from('not a snapshot at all, just text'))],
    ['a file cut short', (path: string) => truncateSync(path, Math.floor(readFileSync(path).length / 2))],
    ['an empty file', (path: string) => writeFileSync(path, '')],
    [
      'a changed byte in the read models',
      (path: string) => {
        const bytes = readFileSync(path);
        bytes[bytes.length - 20] ^= 0xff;
        writeFileSync(path, bytes);
      },
    ],
    [
      'a header that is not JSON',
      (path: string) => {
        const bytes = readFileSync(path);
        bytes[22] = 0x00;
        writeFileSync(path, bytes);
      },
    ],
    [
      'content with a valid checksum that is not a list of read models',
      (path: string) => {
        const bytes = readFileSync(path);
        const headerLength = bytes.readUInt32BE(16);
        const header = JSON.parse(bytes.subarray(20, 20 + headerLength).toString('utf8')) as Record<
          string,
          unknown
        >;
        const payload = serialize({ something: 'else' });
        header.payloadBytes = payload.length;
        header.payloadSha256 = createHash('sha256').update(payload).digest('hex');
        const json = Buffer.from(JSON.stringify(header));
        const length = Buffer.alloc(4);
        length.writeUInt32BE(json.length);
        writeFileSync(path, Buffer.concat([bytes.subarray(0, 16), length, json, payload]));
      },
    ],
    [
      'a directory where the file should be',
      (path: string) => {
        rmSync(path);
        mkdirSync(path);
      },
    ],
  ])('rebuilds, without failing, from a snapshot that is %s', async (_what, damage) => {
    await snapshotAt300();
    damage(snapshotFile());
    await book(20, 300);
    const r = runner();
    await expect(r.start()).resolves.toBeUndefined();
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/not used, rebuilding from the store/);
    expect(statesOf(r)).toEqual(await rebuilt());
    expect(r.position).toBe(320);
  });

  it('without snapshots configured, writes no file and starts from the store as before', async () => {
    await book(30);
    const plain = new ProjectionRunner(store);
    plain.register(ledger());
    await plain.start();
    await plain.stop();
    expect(() => readFileSync(snapshotFile())).toThrow(/ENOENT/);
    expect(plain.state(ledger()).count).toBe(30);
  });

  it('fingerprints the build the process runs from: any changed file of apps/ or libs/, or the lock file', () => {
    const root = join(dir, 'project');
    const put = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    put('package-lock.json', '{"lockfileVersion":3}');
    put('dist/apps/api/src/main.js', 'main');
    put('dist/libs/grants/src/grants.projection.js', 'apply v1');
    put('libs/grants/src/grants.projection.ts', 'source, not what runs');
    const main = join(root, 'dist/apps/api/src/main.js');
    const first = buildFingerprint(['upcaster A@1'], main);
    expect(buildFingerprint(['upcaster A@1'], main)).toBe(first);
    put('libs/grants/src/grants.projection.ts', 'source changed, not yet built');
    expect(buildFingerprint(['upcaster A@1'], main)).toBe(first);
    expect(buildFingerprint(['upcaster A@1', 'upcaster A@2'], main)).not.toBe(first);
    put('dist/libs/grants/src/grants.projection.js', 'apply v2');
    const rebuiltFingerprint = buildFingerprint(['upcaster A@1'], main);
    expect(rebuiltFingerprint).not.toBe(first);
    put('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    expect(buildFingerprint(['upcaster A@1'], main)).not.toBe(rebuiltFingerprint);
    // Run from the sources, the sources count.
    const fromSources = buildFingerprint([], join(root, 'apps/api/src/main.ts'));
    put('libs/grants/src/grants.projection.ts', 'source changed again');
    expect(buildFingerprint([], join(root, 'apps/api/src/main.ts'))).not.toBe(fromSources);
  });
});
