import { parseArgs } from 'node:util';
import { createEventStore, loadConfig } from '@app/shared';
import { type IntegrityReport, verifyIntegrity } from '../integrity/verify-integrity';
import { EXIT, type Output, runCli, stdout } from './cli-support';

/**
 * `npm run audit:verify [-- --json]`: checks every stream's hash chain and every integrity
 * checkpoint of the configured store, reading the events exactly as stored. Exit 0: intact;
 * 1: a broken link, a missing event or stream, or a checkpoint that does not match; 2: could not run.
 */
export async function main(argv: string[], out: Output = stdout): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const store = createEventStore(config.eventStore);
  try {
    const started = Date.now();
    const report = await verifyIntegrity(store);
    if (values.json) out(JSON.stringify(report, null, 2));
    else describe(report, (Date.now() - started) / 1000, out);
    return report.ok ? EXIT.ok : EXIT.mismatch;
  } finally {
    await store.close();
  }
}

function describe(report: IntegrityReport, seconds: number, out: Output): void {
  out(
    `checked ${report.events} events in ${report.streams} streams up to position ${report.headPosition} in ${seconds.toFixed(1)} s`,
  );
  const { checkpoints } = report;
  out(
    checkpoints.latest
      ? `checkpoints: ${checkpoints.count}, ${checkpoints.verified} verified; the latest (#${checkpoints.latest.sequence}) covers positions up to ${checkpoints.coveredUpTo}`
      : 'checkpoints: none yet (a deleted stream would not be noticed; the worker records them periodically)',
  );
  for (const b of report.chainBreaks) {
    out(`BROKEN ${b.streamId} revision ${b.revision} (position ${b.position}): ${b.reason}: ${b.detail}`);
  }
  for (const p of checkpoints.problems) {
    out(`CHECKPOINT #${p.sequence} (position ${p.position}, covering ${p.covers}): ${p.reason}: ${p.detail}`);
  }
  if (report.unreadable) out(`UNREADABLE: the store could not be read to the end: ${report.unreadable}`);
  if (report.firstBreak) {
    out(`first broken link: ${report.firstBreak.streamId} revision ${report.firstBreak.revision}`);
  }
  out(
    report.ok
      ? 'OK: every chain is intact and every checkpoint matches'
      : 'FAILED: the store has been altered',
  );
}

if (require.main === module) runCli('audit:verify', main);
