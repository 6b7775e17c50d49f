import { benchHttpCommands, type HttpBenchOptions } from './http-commands.bench';
import { Cleanup } from './support/cleanup';
import { Report } from './support/report';

/**
 * What a newcomer runs against the API alone: the same HTTP command load (draft and submit an
 * expression of interest, 32 connections) served once by what `npm start` runs (the API and,
 * beside it, the worker following the same SQLite file) and once by the API alone
 * (RUN_WORKER_IN_API=false, no worker). Goal: the default start at least 0.9 of the API alone.
 */
export async function benchDefaultStart(
  cleanup: Cleanup,
  report: Report,
  options: HttpBenchOptions = {},
): Promise<number> {
  const alone = await benchHttpCommands(cleanup, options);
  const started = await benchHttpCommands(cleanup, { ...options, defaultStart: true });
  const ratio = started.commandsPerSecond / alone.commandsPerSecond;
  report.note(
    `default start (API + worker processes): ${started.commandsPerSecond.toFixed(0)} commands/s, ` +
      `p50 ${started.p50Ms.toFixed(0)} ms, p99 ${started.p99Ms.toFixed(0)} ms, ${started.errors} errors; ` +
      `API alone: ${alone.commandsPerSecond.toFixed(0)} commands/s, p99 ${alone.p99Ms.toFixed(0)} ms`,
  );
  report.figure('default-start-vs-api-alone-ratio', ratio, 'ratio');
  console.log('# goal: default-start-vs-api-alone-ratio >= 0.9');
  return ratio;
}

/** This part alone (after `npm run build`): `node dist/bench/default-start.bench.js`. */
if (require.main === module) {
  const cleanup = new Cleanup();
  benchDefaultStart(cleanup, new Report(), {
    durationMs: Number(process.env.BENCH_HTTP_SECONDS ?? 8) * 1000,
  })
    .then(
      () => 0,
      (error: unknown) => {
        console.error(error);
        return 1;
      },
    )
    .then(async (code) => {
      await cleanup.runAll();
      process.exit(code);
    });
}
