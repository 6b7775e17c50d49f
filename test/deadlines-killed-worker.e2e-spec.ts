import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeadlineWorker } from '@app/deadlines';
import { SqliteEventStore } from '@app/eventsourcing';
import { SimulatedClock } from '@app/shared';
import {
  appendFact,
  countBy,
  eventsOf,
  redisUrl,
  SHARED_QUEUE_DB,
  uniquePrefix,
} from './support/deadlines-harness';
import { eventually, removeQueueKeys } from './support/waiting';

const root = join(__dirname, '..');
const DAY_MS = 86_400_000;
const START = '2011-11-09T12:00:00.000Z';

/**
 * Starts a worker process that stops at `stopAt` in its first job. `ready` resolves once it is
 * loaded and waits for its clock; `paused` with the id of the job it stopped in.
 */
function startChildWorker(args: string[]): {
  child: ChildProcess;
  ready: Promise<void>;
  paused: Promise<string>;
} {
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(root, 'test/support/register-ts.js'),
      join(root, 'test/support/deadline-worker.child.ts'),
      ...args,
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (d) => (stderr += d));
  child.stdout?.on('data', (d) => (stdout += d));
  const output = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout);
        if (match) resolve(match[1] ?? match[0]);
      };
      child.stdout?.on('data', check);
      child.on('exit', (code, signal) => reject(new Error(`child exited (${code ?? signal}): ${stderr}`)));
      check();
    });
  return { child, ready: output(/READY/).then(() => undefined), paused: output(/PAUSED (\S+)/) };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.each(['after-effect', 'before-effect'] as const)(
  'a worker killed with SIGKILL in the middle of a job (%s)',
  (stopAt) => {
    const prefix = uniquePrefix(`killed-${stopAt}`);
    let store: SqliteEventStore;
    let survivor: DeadlineWorker | undefined;
    let child: ChildProcess | undefined;

    afterAll(async () => {
      if (child) await killed(child);
      await survivor?.stop();
      await store?.close();
      await removeQueueKeys(SHARED_QUEUE_DB, prefix);
    });

    it(`neither loses nor doubles the firing it was processing`, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'kkz-killed-')), 'events.sqlite');
      store = new SqliteEventStore(file, { pollIntervalMs: 50 });
      const started = startChildWorker([file, redisUrl(SHARED_QUEUE_DB), prefix, stopAt]);
      child = started.child;
      await started.ready;
      // Business time starts now, in both processes alike.
      const anchorWallMs = Date.now();
      const speed = DAY_MS / 400;
      const clock = new SimulatedClock({ start: START, speed, anchorWallMs });
      const at = START;
      await appendFact(
        store,
        'deadline-settings-kkz',
        'DeadlineSettingsChanged',
        {
          programmeId: 'kkz',
          reminderOffsetsDays: [25],
          timeZone: 'Europe/Berlin',
          fixedDates: [],
          changedBy: 'o',
          changedAt: at,
        },
        at,
      );
      // Reminders on 10 and 11 Nov, due 5 and 6 Dec (10.6 and 11 s away): a job the killed worker
      // held is taken over once its 5 s lock has run out, well before its deadline is due.
      for (const [i, dueDate] of ['2011-12-05', '2011-12-06'].entries()) {
        await appendFact(
          store,
          `esf-report-g${i}.2011`,
          'ReportPeriodOpened',
          {
            reportId: `g${i}.2011`,
            grantId: `g${i}`,
            programmeId: 'kkz',
            ags: '05978000',
            periodId: '2011',
            dueDate,
          },
          at,
        );
      }

      child.stdin?.write(`${START} ${speed} ${anchorWallMs}\n`);
      const jobId = await started.paused;
      const fired = async () => (await eventsOf(store)).filter((e) => e.metadata.commandId === jobId).length;
      // Killed after its events were stored, the job is still active: the retry must not record them
      // again. Killed before, nothing is stored yet: the retry must record them.
      const before = await fired();
      expect(before > 0).toBe(stopAt === 'after-effect');
      await killed(child);

      survivor = new DeadlineWorker({
        store,
        clock,
        redisUrl: redisUrl(SHARED_QUEUE_DB),
        queuePrefix: prefix,
        reconcileIntervalMs: 0,
        lockDurationMs: 1000,
        stalledIntervalMs: 500,
      });
      await survivor.start();
      await eventually(
        async () => (await eventsOf(store)).filter((e) => e.type === 'DeadlineEscalated').length === 2,
        20_000,
        'both deadlines to be missed',
      );

      expect(await fired()).toBe(stopAt === 'after-effect' ? before : jobId.includes('|due|') ? 2 : 1);
      const events = await eventsOf(store);
      const perFiring = countBy(
        events,
        (e) => `${e.streamId}|${e.type}|${(e.data as { offsetDays?: number }).offsetDays ?? ''}`,
      );
      expect([...perFiring.values()].every((n) => n === 1)).toBe(true);
      expect(events.filter((e) => e.type === 'DeadlineReminderIssued')).toHaveLength(2);
      expect(events.filter((e) => e.type === 'DeadlineMissed')).toHaveLength(2);
    }, 40_000);
  },
);
