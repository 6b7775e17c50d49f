// A deadline worker in its own process, to be killed in the middle of a job:
//   node -r register-ts.js deadline-worker.child.ts <sqlite file> <redis url> <queue prefix>
//     <stop: before-effect|after-effect>
// Once loaded it prints "READY" and reads "<clock start> <speed> <anchor ms>" from stdin, so that
// the simulated clock starts only when both processes are ready. It works normally until its
// first firing reaches the named point, prints "PAUSED <job id>" and waits there for ever (the
// parent kills it with SIGKILL).
import { createInterface } from 'node:readline';
import { SqliteEventStore } from '@app/eventsourcing';
import { DeadlineWorker } from '@app/deadlines';
import { SimulatedClock } from '@app/shared';

async function main(): Promise<void> {
  const [file, redisUrl, prefix, stopAt] = process.argv.slice(2);
  process.stdout.write('READY\n');
  const line = await new Promise<string>((resolve) =>
    createInterface({ input: process.stdin }).once('line', resolve),
  );
  const [start, speed, anchor] = line.trim().split(' ');
  const store = new SqliteEventStore(file, { pollIntervalMs: 50 });
  const clock = new SimulatedClock({ start, speed: Number(speed), anchorWallMs: Number(anchor) });
  let paused = false;
  const pause = async (point: string, jobId: string | undefined) => {
    if (paused || point !== stopAt) return;
    paused = true;
    process.stdout.write(`PAUSED ${jobId}\n`);
    await new Promise(() => undefined);
  };
  const worker = new DeadlineWorker({
    store,
    clock,
    redisUrl,
    queuePrefix: prefix,
    reconcileIntervalMs: 0,
    // Long enough that a busy machine renews the lock in time: a job taken over from a worker
    // that is still alive would run twice and prove nothing about a killed one.
    lockDurationMs: 5000,
    stalledIntervalMs: 500,
    hooks: {
      beforeEffect: (job) => pause('before-effect', job.id),
      afterEffect: (job) => pause('after-effect', job.id),
    },
  });
  await worker.start();
  process.stdout.write('STARTED\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
