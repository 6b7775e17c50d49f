// A fresh process per measurement, so that its peak memory is the rebuild's own:
//   node audit-rebuild.child.js read-all|rebuild <events.sqlite>
// Prints one JSON line: { events, seconds, cpuSeconds, maxRssMb, baselineRssMb, heapUsedMb }.
import { type RecordedEvent, readAllPages, SqliteEventStore, UpcastingEventStore } from '@app/eventsourcing';
import { foldFresh } from '../libs/audit/src/time-travel/read-models-as-of';
import { applicationReadModels } from './support/registered-projections';
import { elapsedMs, now } from './support/stopwatch';

const PAGE_SIZE = 1024;
const mb = (bytes: number) => bytes / 1024 / 1024;

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  let apply: (event: RecordedEvent) => void = () => undefined;
  let store = new SqliteEventStore(file);
  let states: Map<string, unknown> | undefined;
  if (mode === 'rebuild') {
    const { projections, upcasters } = await applicationReadModels();
    const fold = foldFresh(projections);
    apply = fold.apply;
    states = fold.states;
    store = new UpcastingEventStore(store, upcasters) as unknown as SqliteEventStore;
  } else if (mode !== 'read-all') throw new Error(`unknown mode ${mode}`);
  const baselineRssMb = mb(process.memoryUsage().rss);
  const start = now();
  const cpuStart = process.cpuUsage();
  let events = 0;
  for await (const page of readAllPages(store, { pageSize: PAGE_SIZE })) {
    for (const event of page) apply(event);
    events += page.length;
  }
  const seconds = elapsedMs(start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time of this process's threads (JS, GC, SQLite): what the pass costs, whatever else the
  // machine is doing meanwhile, where wall time swings with the load.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const heapUsedMb = mb(process.memoryUsage().heapUsed);
  await store.close();
  process.stdout.write(
    `${JSON.stringify({
      events,
      seconds,
      cpuSeconds,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      baselineRssMb,
      heapUsedMb,
      readModels: states?.size ?? 0,
    })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
