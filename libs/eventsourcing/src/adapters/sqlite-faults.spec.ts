import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreUnavailableError } from '../errors';
import {
  isUnavailable,
  makeImmutable,
  mountSmallFileSystem,
  remountReadOnly,
  writeGarbage,
} from '../testing/file-system-faults';
import { newEvent } from '../testing/new-event';
import { SqliteEventStore } from './sqlite-event-store';

/** Real SQLite files, made unusable the ways a machine does it (as root, where chmod stops nothing). */
describe('SQLite store faults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-faults-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function openFailure(file: string): StoreUnavailableError {
    try {
      const store = new SqliteEventStore(file);
      void store.close();
    } catch (error) {
      expect(error).toBeInstanceOf(StoreUnavailableError);
      return error as StoreUnavailableError;
    }
    throw new Error(`the store at ${file} opened`);
  }

  it('refuses to open a file that is not an SQLite database, in one sentence naming the file', () => {
    const file = join(dir, 'garbage.sqlite');
    writeGarbage(file);

    const failure = openFailure(file);

    expect(failure.reason).toBe('corrupt');
    expect(failure.message).toContain(file);
    expect(failure.message).toMatch(/cannot be opened for writing: it is damaged or not an SQLite database/);
    expect(failure.message.split('\n')).toHaveLength(1);
  });

  describe('a store file nobody may write (immutable)', () => {
    const file = join(dir, 'immutable.sqlite');
    writeGarbage(file);
    const probe = makeImmutable(file);
    if (isUnavailable(probe)) {
      console.warn(`SQLite read-only file test skipped: ${probe.unavailable}`);
      it.skip(`read-only file (${probe.unavailable})`, () => undefined);
      return;
    }
    probe();
    let undo: (() => void) | undefined;
    beforeAll(async () => {
      rmSync(file);
      const store = new SqliteEventStore(file);
      await store.appendToStream('call-1', [newEvent('CallDrafted', {})], 'no_stream');
      await store.close();
      undo = makeImmutable(file) as () => void;
    });
    afterAll(() => undo?.());

    it('is refused at open instead of failing every write later', () => {
      const failure = openFailure(file);
      expect(failure.reason).toBe('read-only');
      expect(failure.message).toContain(file);
    });

    it('can still be read by a tool that writes nothing (audit:verify), which gets no append', async () => {
      const reader = new SqliteEventStore(file, { readOnly: true });
      try {
        expect((await reader.readStream('call-1')).map((e) => e.type)).toEqual(['CallDrafted']);
        await expect(reader.ping()).resolves.toBeUndefined();
        await expect(
          reader.appendToStream('call-1', [newEvent('CallPublished', {})], 0),
        ).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'read-only' });
      } finally {
        await reader.close();
      }
    });
  });

  describe('a small file system of its own', () => {
    const fs = mountSmallFileSystem(1024);
    if (isUnavailable(fs)) {
      console.warn(`SQLite full-disk and read-only mount tests skipped: ${fs.unavailable}`);
      it.skip(`full disk and read-only mount (${fs.unavailable})`, () => undefined);
      return;
    }
    afterAll(() => fs.unmount());

    it('fails an append on a full disk with disk-full, reports it in ping, and recovers once space is freed', async () => {
      const store = new SqliteEventStore(join(fs.dir, 'events.sqlite'));
      await store.appendToStream('call-1', [newEvent('CallDrafted', {})], 'no_stream');

      fs.fill();
      await expect(store.ping()).rejects.toMatchObject({
        name: 'StoreUnavailableError',
        reason: 'disk-full',
      });
      const appending = store.appendToStream(
        'call-2',
        [newEvent('CallDrafted', { text: 'x'.repeat(64 * 1024) })],
        'no_stream',
      );
      await expect(appending).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'disk-full' });
      expect(await store.readStream('call-1')).toHaveLength(1);

      fs.free();
      await expect(store.ping()).resolves.toBeUndefined();
      await store.appendToStream('call-2', [newEvent('CallDrafted', {})], 'no_stream');
      expect((await store.readAll()).map((e) => e.streamId)).toEqual(['call-1', 'call-2']);
      await store.close();
    });

    it('refuses to open a store on a read-only file system', async () => {
      const file = join(fs.dir, 'events.sqlite');
      const store = new SqliteEventStore(file);
      await store.close();
      remountReadOnly(fs);

      const failure = openFailure(file);

      expect(failure.reason).toBe('read-only');
      expect(failure.message).toContain(file);
    });
  });
});
