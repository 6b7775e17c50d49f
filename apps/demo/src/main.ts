import 'reflect-metadata';
import { resolve } from 'node:path';
import { ConfigError, DEMO_REGISTRY_FILE, exitWithLauncher, loadConfig } from '@app/shared';
import { percentOf } from './figures';
import { nextStepsHint } from './next-steps';
import { formatEur } from './report-html';
import { freshDataDir, runDemo } from './run-demo';

/**
 * `npm run demo`: the programme of the seeds, 2011–2018, driven through the real HTTP API with
 * real tokens of each role, on the embedded SQLite store, deadlines firing through real BullMQ on
 * an accelerated clock. Leaves the data for `npm start` and a report page under DATA_DIR.
 */
async function main(): Promise<void> {
  exitWithLauncher();
  const write = (line: string) => process.stdout.write(`${line}\n`);
  // The demo replays 2011–2018 with its own cast and the ~2011 figures its tiers used (the
  // official registry's figures are of 31 Dec 2024); MUNICIPALITY_REGISTRY_FILE overrides it.
  const env = {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    MUNICIPALITY_REGISTRY_FILE: process.env.MUNICIPALITY_REGISTRY_FILE || DEMO_REGISTRY_FILE,
  };
  const config = loadConfig(env);
  if (config.eventStore.kind !== 'sqlite') {
    throw new ConfigError(['The demo runs on the embedded SQLite store: leave EVENT_STORE_URL unset.']);
  }
  freshDataDir(config.dataDir, write);
  write(`Demo: Kein Kind zurücklassen 2011–2018 on ${config.eventStore.file}\n`);
  const { figures, reportFile, seconds } = await runDemo({ config, write });
  const t = figures.totalsBySource;
  const total = t.esf + t.land + t.own;
  write('');
  write('Summary');
  write(
    `  expressions of interest 2011 submitted on time: ${figures.submitted2011}; selected: ${figures.selected2011}`,
  );
  write(
    `  participants: ${figures.participants.phase1} in phase I, ${figures.participants.total} in phase II`,
  );
  write(
    `  accepted ESF expenditure: ${formatEur(total)} = ESF ${formatEur(t.esf)} (${percentOf(t.esf, total)}), ` +
      `Land ${formatEur(t.land)} (${percentOf(t.land, total)}), own funds ${formatEur(t.own)} (${percentOf(t.own, total)})`,
  );
  write(
    `  survey: ${figures.networksShare.numerator} of ${figures.networksShare.denominator} phase-I municipalities ` +
      `(${figures.networksShare.percent} %) largely or fully achieved their network goals`,
  );
  write(
    `  deadlines: ${figures.deadlines.reminders} reminders issued, ${figures.deadlines.missed} missed and escalated`,
  );
  write(
    `  hash chains: ${figures.integrity.events} events in ${figures.integrity.streams} streams, ` +
      `${figures.integrity.breaks === 0 ? 'no break' : `${figures.integrity.breaks} BREAKS`}`,
  );
  write(`  report: ${resolve(reportFile)}`);
  write(`  took ${seconds.toFixed(0)} s`);
  write('');
  for (const line of nextStepsHint(config)) write(line);
  if (figures.integrity.breaks > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`The demo stopped: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
