import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeQueueKeys, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { eventually } from './support/waiting';

const root = join(__dirname, '..');

/** Every process on this machine whose environment names this data directory. */
function processesWith(dataDir: string): number[] {
  const marker = `DATA_DIR=${dataDir}\0`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(marker)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** `npm start` as a user runs it, on its own data directory, port and queue prefix. */
function npmStart(
  dataDir: string,
  prefix: string,
  workerPort: number,
): { npm: ChildProcess; output: () => string } {
  let output = '';
  const npm = spawn('npm', ['start'], {
    cwd: root,
    // Its own process group, as a terminal gives a command: Ctrl-C signals the whole group.
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: '0',
      // The worker's /health, in this helper's port range.
      WORKER_PORT: String(workerPort),
      QUEUE_PREFIX: prefix,
      REDIS_URL: `redis://127.0.0.1:6379/${SHARED_QUEUE_DB}`,
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { npm, output: () => output };
}

/**
 * `npm start` runs `sh -c "node scripts/run.js api"`, which starts the API and, beside it, the
 * worker on the same SQLite file: four processes below npm. Stopping npm must stop all of them:
 * SIGTERM to npm (a service manager, `kill`), Ctrl-C (SIGINT to the terminal's process group),
 * the launcher killed outright, and the worker dying on its own must take the API with it.
 */
describe('npm start stops what it started', () => {
  const prefix = uniquePrefix('launcher');
  afterAll(() => removeQueueKeys(SHARED_QUEUE_DB, prefix));

  const ways: Array<[string, (npm: ChildProcess, dataDir: string) => void]> = [
    ['SIGTERM to npm', (npm) => npm.kill('SIGTERM')],
    ['Ctrl-C (SIGINT to the process group)', (npm) => process.kill(-npm.pid!, 'SIGINT')],
    [
      'SIGKILL to the launcher scripts/run.js',
      (_npm, dataDir) => {
        const launcher = processesWith(dataDir).find((pid) => commandOf(pid).includes('scripts/run.js'));
        process.kill(launcher!, 'SIGKILL');
      },
    ],
    [
      'SIGKILL to the worker',
      (_npm, dataDir) => {
        const worker = processesWith(dataDir).find((pid) =>
          commandOf(pid).includes('apps/worker/src/main.js'),
        );
        process.kill(worker!, 'SIGKILL');
      },
    ],
  ];

  for (const [way, stop] of ways) {
    it(`leaves no API or worker process behind after ${way}`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'kkz-launcher-'));
      const n = ways.findIndex(([w]) => w === way);
      const workerPort = 3170 + n;
      const { npm, output } = npmStart(dataDir, `${prefix}-${n}`, workerPort);
      try {
        await eventually(() => /API listening on/.test(output()), 150_000, `the API to listen:\n${output()}`);
        await eventually(() => /worker running/.test(output()), 60_000, `the worker to run:\n${output()}`);
        const api = processesWith(dataDir).filter((pid) => commandOf(pid).includes('apps/api/src/main.js'));
        const worker = processesWith(dataDir).filter((pid) =>
          commandOf(pid).includes('apps/worker/src/main.js'),
        );
        expect(api).toHaveLength(1);
        expect(worker).toHaveLength(1);
        // The API leaves deadlines to the worker, which follows the same store file.
        expect(readFileSync(`/proc/${api[0]}/environ`, 'latin1')).toContain('RUN_WORKER_IN_API=false\0');
        const health = await eventually(
          async () => {
            const res = await fetch(`http://127.0.0.1:${workerPort}/health`).catch(() => undefined);
            const body = res && ((await res.json()) as { deadlines?: { state: string } });
            return body?.deadlines?.state === 'following' && body;
          },
          60_000,
          'the worker to follow the store',
        );
        expect(health).toMatchObject({
          store: { kind: 'sqlite', status: 'up' },
          deadlines: { status: 'up' },
        });

        stop(npm, dataDir);
        await eventually(() => processesWith(dataDir).length === 0, 20_000, 'every started process to end');
        expect(processesWith(dataDir)).toEqual([]);
      } finally {
        for (const pid of processesWith(dataDir)) process.kill(pid, 'SIGKILL');
      }
    }, 180_000);
  }
});
