import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../event';
import { verifyStore } from '../hash-chain';
import { newEvent } from '../testing/new-event';
import { SqliteEventStore } from './sqlite-event-store';

const root = join(__dirname, '..', '..', '..', '..');

function runWriter(file: string, prefix: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(root, 'test/support/register-ts.js'),
        join(root, 'test/support/sqlite-writer.child.ts'),
        file,
        prefix,
        String(count),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`writer ${prefix} exited ${code}: ${stderr}`)),
    );
  });
}

describe('SQLite store shared by several processes (api and worker on one file)', () => {
  it('keeps every event of concurrent writer processes, gap-free and chained, and shows them to a live subscription', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'es-mp-')), 'events.sqlite');
    const store = new SqliteEventStore(file, { pollIntervalMs: 50 });
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({}, (e) => {
      seen.push(e);
    });
    const own = (async () => {
      for (let i = 0; i < 200; i++)
        await store.appendToStream(`parent-${i % 5}`, [newEvent('Tick', { i })], 'any');
    })();
    await Promise.all([own, runWriter(file, 'child-a', 200), runWriter(file, 'child-b', 200)]);

    const all = await store.readAll();
    expect(all).toHaveLength(600);
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    const verification = await verifyStore((after) => store.readAll({ after, maxCount: 1000 }));
    expect(verification).toMatchObject({ events: 600, streams: 15, breaks: [] });

    const deadline = Date.now() + 5000;
    while (seen.length < 600 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(seen.map((e) => e.position)).toEqual(all.map((e) => e.position));
    await subscription.stop();
    await store.close();
  }, 60000);
});
