import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/eventsourcing';
import {
  isUnavailable,
  makeImmutable,
  mountSmallFileSystem,
  writeGarbage,
} from '@app/eventsourcing/testing/file-system-faults';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { type RunResult, runTs } from './support/run-ts';
import { bearer, DEV_SECRET, startTestApi, type TestApi } from './support/test-api';

/**
 * The store's faults as an operator meets them, on real SQLite files: a file that cannot be
 * written stops the start with one sentence (exit 78, as a configuration mistake does); a disk
 * that fills up while running answers 503 store-unavailable, never 500, and /health says so.
 */
jest.setTimeout(120_000);

describe('store faults', () => {
  const root = mkdtempSync(join(tmpdir(), 'store-faults-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function startEnv(dataDir: string): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      AUTH_DEV_SECRET: DEV_SECRET,
      HOST: '127.0.0.1',
      PORT: '4131',
      WORKER_PORT: '4132',
      QUEUE_PREFIX: 'store-hardening',
      LOG_LEVEL: 'info',
    };
  }

  function expectOneSentence(stderr: string, file: string, reason: RegExp): void {
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(reason);
    expect(stderr).not.toMatch(/\n\s+at /);
  }

  describe('at start', () => {
    // Each start loads the whole app uncompiled, which takes a while: the three run side by side.
    const garbage = join(root, 'garbage', 'events.sqlite');
    const readOnly = join(root, 'read-only', 'events.sqlite');
    mkdirSync(join(root, 'garbage'));
    mkdirSync(join(root, 'read-only'));
    writeGarbage(garbage);
    writeGarbage(readOnly);
    const immutable = makeImmutable(readOnly);
    if (isUnavailable(immutable)) console.warn(`read-only store file test skipped: ${immutable.unavailable}`);
    else immutable();
    let undo: (() => void) | undefined;
    let starts: Record<'api' | 'worker' | 'apiReadOnly', Promise<RunResult>>;
    beforeAll(async () => {
      if (!isUnavailable(immutable)) {
        rmSync(readOnly);
        const store = new SqliteEventStore(readOnly);
        await store.appendToStream('call-1', [newEvent('CallDrafted', {})], 'no_stream');
        await store.close();
        undo = makeImmutable(readOnly) as () => void;
      }
      starts = {
        api: runTs('apps/api/src/main.ts', [], startEnv(join(root, 'garbage'))),
        worker: runTs('apps/worker/src/main.ts', [], startEnv(join(root, 'garbage'))),
        apiReadOnly: isUnavailable(immutable)
          ? Promise.resolve({ code: -1, stdout: '', stderr: '' })
          : runTs('apps/api/src/main.ts', [], startEnv(join(root, 'read-only'))),
      };
    });
    afterAll(async () => {
      await Promise.all(Object.values(starts ?? {}));
      undo?.();
    });

    it('the API refuses a store file that is not a database with exit 78 and one sentence', async () => {
      const started = await starts.api;
      expect(started.code).toBe(78);
      expectOneSentence(
        started.stderr,
        garbage,
        /cannot be opened for writing: it is damaged or not an SQLite database/,
      );
    });

    it('the worker refuses it the same way', async () => {
      const started = await starts.worker;
      expect(started.code).toBe(78);
      expectOneSentence(started.stderr, garbage, /damaged or not an SQLite database/);
    });

    (isUnavailable(immutable) ? it.skip : it)(
      'a read-only store file stops the API at start (exit 78, one sentence) instead of failing every write with 500',
      async () => {
        const started = await starts.apiReadOnly;
        expect(started.code).toBe(78);
        expectOneSentence(
          started.stderr,
          readOnly,
          /cannot be opened for writing: the file or its file system is read-only/,
        );
      },
    );
  });

  describe('a disk that fills up while the API runs', () => {
    const fs = mountSmallFileSystem(1024);
    if (isUnavailable(fs)) {
      console.warn(`full-disk test skipped: ${fs.unavailable}`);
      it.skip(`full disk (${fs.unavailable})`, () => undefined);
      return;
    }
    let api: TestApi;
    let office: Record<string, string>;
    beforeAll(async () => {
      api = await startTestApi({ store: new SqliteEventStore(join(fs.dir, 'events.sqlite')) });
      office = bearer(await api.token('grants-office'));
    });
    afterAll(async () => {
      await api?.close();
      fs.unmount();
    });

    it('answers writes with 503 store-unavailable (German, or English on request), /health 503, and recovers', async () => {
      await api.http.get('/health').expect(200);
      fs.fill();

      const refused = await api.http
        .post('/programmes')
        .set(office)
        .send({ programmeId: 'kkz', title: 'KKZ' });
      expect(refused.status).toBe(503);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'store-unavailable', reason: 'disk-full', status: 503 });
      expect(refused.body.detail).toMatch(/Datenträger des Ereignisspeichers ist voll/);

      const inEnglish = await api.http
        .post('/programmes')
        .set({ ...office, 'Accept-Language': 'en' })
        .send({ programmeId: 'kkz', title: 'KKZ' });
      expect(inEnglish.status).toBe(503);
      expect(inEnglish.body.detail).toMatch(/event store's disk is full/);

      // The key's reservation is the first write of a keyed request.
      const keyed = await api.http
        .post('/programmes')
        .set({ ...office, 'Idempotency-Key': 'full-disk-1' })
        .send({ programmeId: 'kkz', title: 'KKZ' });
      expect(keyed.status).toBe(503);
      expect(keyed.body.code).toBe('store-unavailable');

      const health = await api.http.get('/health').expect(503);
      expect(health.body.store).toMatchObject({ kind: 'sqlite', status: 'down', reason: 'disk-full' });

      fs.free();
      await api.http.get('/health').expect(200);
      await api.http
        .post('/programmes')
        .set({ ...office, 'Idempotency-Key': 'full-disk-1' })
        .send({ programmeId: 'kkz', title: 'KKZ' })
        .expect(201);
      const programmes = (await api.store.readAll()).filter((e) => e.streamId.startsWith('programme-'));
      expect(programmes).toHaveLength(1);
    });
  });
});
