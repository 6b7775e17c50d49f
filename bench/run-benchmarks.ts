import { cpus } from 'node:os';
import { relative } from 'node:path';
import { AUDIT_EVENTS, benchAuditStore } from './audit-store.bench';
import { benchDeadlines } from './deadlines.bench';
import { benchHttpCommands } from './http-commands.bench';
import { benchConcurrentAppends, benchSequentialAppends } from './sqlite-append.bench';
import { Cleanup } from './support/cleanup';
import { experimentResultsFile, repoRoot, resultsFile } from './support/paths';
import { Report } from './support/report';

/**
 * `npm run bench`: how fast the SQLite store appends, how fast the API turns HTTP requests into
 * appended events, and the ratio of the two (how much the layers above the store cost).
 *
 * Environment, for experiments only (the default is the figure of record):
 *   BENCH_HTTP_SECONDS        measured HTTP window (default 8)
 *   BENCH_API_LOG_LEVEL       the API's LOG_LEVEL (default info: request logging is a real cost)
 *   BENCH_EVENTS              events in the audit bench's SQLite store (default 1,000,000)
 *   BENCH_API_CPU_PROF_DIR    run the API with --cpu-prof, writing its .cpuprofile there;
 *                             summarise it with `node dist/bench/profile-summary.js <file>`
 * With any of them set, results go to bench/results/experiment.json instead of latest.json.
 */
const CONNECTIONS = 32;
const SEQUENTIAL_APPENDS = 3000;
const WRITERS = 32;
const APPENDS_PER_WRITER = 300;
const HTTP_SECONDS = 8;
const API_LOG_LEVEL = 'info';

class Interrupted extends Error {}

async function main(cleanup: Cleanup, signal: AbortSignal): Promise<number> {
  const checkpoint = () => {
    if (signal.aborted) throw new Interrupted('interrupted');
  };
  const report = new Report();
  const httpSeconds = Number(process.env.BENCH_HTTP_SECONDS ?? HTTP_SECONDS);
  const logLevel = process.env.BENCH_API_LOG_LEVEL ?? API_LOG_LEVEL;
  const cpuProfileDir = process.env.BENCH_API_CPU_PROF_DIR;
  const experiment =
    httpSeconds !== HTTP_SECONDS ||
    logLevel !== API_LOG_LEVEL ||
    cpuProfileDir !== undefined ||
    process.env.BENCH_EVENTS !== undefined;
  const file = experiment ? experimentResultsFile : resultsFile;
  report.note(`node ${process.version}, ${cpus().length} cpus, ${new Date().toISOString()}`, false);

  const sequential = await benchSequentialAppends(cleanup, { events: SEQUENTIAL_APPENDS });
  checkpoint();
  report.figure('sqlite-append-sequential', sequential.eventsPerSecond, 'events/s');

  const concurrent = await benchConcurrentAppends(cleanup, {
    writers: WRITERS,
    eventsPerWriter: APPENDS_PER_WRITER,
  });
  checkpoint();
  report.figure(`sqlite-append-concurrent-${WRITERS}`, concurrent.eventsPerSecond, 'events/s');

  const http = await benchHttpCommands(cleanup, {
    connections: CONNECTIONS,
    durationMs: httpSeconds * 1000,
    logLevel,
    cpuProfileDir,
    signal,
  });
  checkpoint();
  report.figure('http-command-throughput', http.commandsPerSecond, 'commands/s');
  report.figure('http-command-errors', http.errors, 'count');
  report.figure('http-command-latency-p50', http.p50Ms, 'ms');
  report.figure('http-command-latency-p99', http.p99Ms, 'ms');
  report.figure('command-vs-append-ratio', http.commandsPerSecond / concurrent.eventsPerSecond, 'ratio');
  report.figure(
    'command-vs-sequential-append-ratio',
    http.commandsPerSecond / sequential.eventsPerSecond,
    'ratio',
  );
  console.log('# goal: command-vs-append-ratio >= 0.5');

  report.note(
    `http: ${http.commands} commands in ${http.seconds.toFixed(1)} s over ${http.connections} keep-alive connections, ` +
      `${http.callsOpened} calls; API LOG_LEVEL=${logLevel}` +
      (http.ranOutOfPairs ? '; ended early: all prepared (call, municipality) pairs were used' : ''),
  );
  report.note(
    `cpu during the http window (% of one core): API ${http.apiCpuPercent?.toFixed(0) ?? 'n/a'}, ` +
      `load generator ${http.loadGeneratorCpuPercent.toFixed(0)} (same ${cpus().length}-core machine)`,
  );
  for (const sample of http.errorSamples) report.note(`error: ${sample}`);

  const auditEvents = Number(process.env.BENCH_EVENTS ?? AUDIT_EVENTS);
  const audit = await benchAuditStore(cleanup, report, { events: auditEvents });
  checkpoint();

  // 100,000 open deadlines, 10,000 due in one second; Redis database 7 (flushed).
  await benchDeadlines(cleanup, report);
  checkpoint();

  report.write(file, {
    sequentialAppends: SEQUENTIAL_APPENDS,
    concurrentWriters: WRITERS,
    appendsPerWriter: APPENDS_PER_WRITER,
    httpConnections: CONNECTIONS,
    httpSeconds,
    apiLogLevel: logLevel,
    apiCpuProfile: cpuProfileDir !== undefined,
    auditEvents,
  });
  console.log(`# results written to ${relative(repoRoot, file)}`);

  if (!audit.ok) {
    process.stderr.write('bench failed: the audit store did not verify, or the rebuild missed events\n');
    return 1;
  }
  if (http.errors > 0) {
    process.stderr.write(`bench failed: ${http.errors} HTTP commands did not answer as expected\n`);
    return 1;
  }
  return 0;
}

const cleanup = new Cleanup();
const interrupt = new AbortController();
// Ctrl-C or a kill: stop the load, then still stop the API child and remove the temp dirs.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`bench interrupted (${signal}), cleaning up\n`);
    interrupt.abort();
    void cleanup.runAll().finally(() => process.exit(130));
  });
}

main(cleanup, interrupt.signal)
  .catch((error: unknown) => {
    if (interrupt.signal.aborted) return 130;
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  })
  .then(async (code) => {
    await cleanup.runAll();
    process.exitCode = code;
  });
