import 'reflect-metadata';
import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { type EventStore, ProjectionRunner } from '@app/eventsourcing';
import { EVENT_STORE, loadConfig } from '@app/shared';
import { replayProjections, type ReplayReport } from '../replay/replay-projections';
import { instantBound, TIME_AXES, type TimeAxis } from '../time-travel/as-of';
import { readModelsAsOf } from '../time-travel/read-models-as-of';
import { EXIT, type Output, runCli, stderr, stdout } from './cli-support';

const USAGE =
  'usage: npm run audit:replay [-- --until <YYYY-MM-DD | ISO instant> [--time recorded|occurred] [--read-model <name>]] [--json]';

export interface ReplayOptions {
  /** More modules beside the API's own (tests add a read model that is not a pure fold). */
  imports?: ModuleMetadata['imports'];
}

/**
 * `npm run audit:replay`: composes the API's modules as the API does (with no HTTP and without
 * the embedded worker, so nothing is written), lets their read models catch up as they do live,
 * then rebuilds every one from position 0 in fresh instances and compares. Exit 1 on any difference.
 * `--until <date>` instead prints every read model as of that date.
 */
export async function main(
  argv: string[],
  out: Output = stdout,
  err: Output = stderr,
  options: ReplayOptions = {},
): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        until: { type: 'string' },
        time: { type: 'string', default: 'recorded' },
        'read-model': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return EXIT.failure;
  }
  const axis = values.time as TimeAxis;
  const bound = values.until === undefined ? undefined : instantBound(values.until, axis);
  if (!TIME_AXES.includes(axis) || (values.until !== undefined && !bound)) {
    err(`--until takes a date YYYY-MM-DD or an ISO instant, --time recorded or occurred\n${USAGE}`);
    return EXIT.failure;
  }

  // A replay only reads: the embedded worker would fire deadlines and write events.
  process.env.RUN_WORKER_IN_API = 'false';
  // Nor does it leave a read-model snapshot behind: its "live" side follows the store from 0.
  process.env.READ_MODEL_SNAPSHOTS = 'false';
  const config = loadConfig();
  // Loaded only now: composing every context takes a moment, a usage error should not wait for it.
  const { ApiModule } = await import('../../../../apps/api/src/api.module');
  @Module({})
  class ReplayRoot {}
  const root: DynamicModule = {
    module: ReplayRoot,
    imports: [ApiModule.forRoot({ config }), ...(options.imports ?? [])],
  };
  const app = await NestFactory.createApplicationContext(root, { logger: false });
  try {
    const runner = app.get(ProjectionRunner);
    // Freeze the live read models where they are, so that both sides see the same events.
    await runner.stop();
    const store = app.get<EventStore>(EVENT_STORE);
    const projections = runner
      .registered()
      .filter((p) => values['read-model'] === undefined || p.name === values['read-model']);
    if (bound) {
      const state = await readModelsAsOf(store, projections, { kind: 'time', ...bound });
      out(JSON.stringify(state, null, 2));
      return EXIT.ok;
    }
    const report = await replayProjections(store, projections, runner);
    if (values.json) out(JSON.stringify(report, null, 2));
    else describe(report, out);
    return report.ok ? EXIT.ok : EXIT.mismatch;
  } finally {
    await app.close();
  }
}

/** A value short enough for one line of the report. */
const brief = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

function describe(report: ReplayReport, out: Output): void {
  out(
    `rebuilt ${report.projections.length} read models from ${report.events} events (up to position ${report.position}) in ${report.seconds.toFixed(1)} s`,
  );
  for (const p of report.projections) {
    if (p.equal) out(`same     ${p.name}`);
    else {
      const d = p.difference;
      out(`DIFFERS  ${p.name} at ${d?.path}: rebuilt ${brief(d?.rebuilt)}, live ${brief(d?.live)}`);
    }
  }
  out(
    report.ok
      ? 'OK: every read model rebuilt from position 0 equals the live one'
      : 'FAILED: read models differ',
  );
}

if (require.main === module) runCli('audit:replay', (argv) => main(argv));
