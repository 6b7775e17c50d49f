import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEventStore, loadConfig } from '@app/shared';
import type { ExpectedCheckpoint } from '../integrity/checkpoint-checks';
import { type IntegrityReport, verifyIntegrity } from '../integrity/verify-integrity';
import { configuredPublicKey, readEd25519PublicKey } from '../signing/audit-signing-key';
import { EXIT, type Output, runCli, stderr, stdout } from './cli-support';

const USAGE =
  'usage: npm run audit:verify [-- [--public-key <pem file | pem | base64 key>] [--expect <sequence>:<merkleRoot>] [--json]]';

/**
 * `npm run audit:verify`: checks every stream's hash chain and every integrity checkpoint of the
 * configured store, reading the events exactly as stored: each checkpoint must be signed by the
 * audit key (the configured one, or `--public-key` obtained independently) and match the store
 * at the position it covers. `--expect <sequence>:<root>` (from a signed export manifest or the
 * worker's log) also shows a store cut back to before that checkpoint. Exit 0: intact; 1: a
 * broken link, a missing event or stream, or a checkpoint that is unsigned or does not match;
 * 2: could not run.
 */
export async function main(argv: string[], out: Output = stdout, err: Output = stderr): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        'public-key': { type: 'string' },
        expect: { type: 'string' },
      },
    }).values;
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return EXIT.failure;
  }
  const expect = values.expect === undefined ? undefined : parseExpected(values.expect);
  if (expect === null) {
    err(`--expect takes <sequence>:<merkleRoot>, e.g. 3:<64 hex digits>\n${USAGE}`);
    return EXIT.failure;
  }
  const config = loadConfig();
  const pinned = values['public-key'];
  let publicKey: KeyObject | undefined;
  try {
    publicKey =
      pinned === undefined
        ? configuredPublicKey(config.audit.signingKey)
        : readEd25519PublicKey(existsSync(pinned) ? readFileSync(pinned, 'utf8') : pinned);
  } catch (error) {
    err(
      `--public-key must be an Ed25519 public key (SPKI PEM or its file, base64 raw key): ${(error as Error).message}`,
    );
    return EXIT.failure;
  }
  if (!publicKey) {
    err(
      "audit:verify: no audit key to check the checkpoints' signatures against: " +
        'pass --public-key (GET /audit/public-key) or set AUDIT_SIGNING_KEY[_FILE]',
    );
    return EXIT.failure;
  }
  // It writes nothing: a store file it may only read (a copy, a read-only mount) is checked too.
  const store = createEventStore(config.eventStore, { readOnly: true });
  try {
    const started = Date.now();
    const report = await verifyIntegrity(store, { publicKey, ...(expect ? { expect } : {}) });
    if (values.json) out(JSON.stringify(report, null, 2));
    else describe(report, (Date.now() - started) / 1000, pinned !== undefined, out);
    return report.ok ? EXIT.ok : EXIT.mismatch;
  } finally {
    await store.close();
  }
}

function parseExpected(text: string): ExpectedCheckpoint | null {
  const match = /^(\d+):([0-9a-f]{64})$/i.exec(text.trim());
  if (!match || Number(match[1]) < 1) return null;
  return { sequence: Number(match[1]), merkleRoot: match[2].toLowerCase() };
}

/** What this run proves and what it cannot, in one line an auditor can quote. */
function coverage(report: IntegrityReport, pinned: boolean): string {
  const { checkpoints } = report;
  const chains = `chains of ${report.streams} streams`;
  const key = `${checkpoints.keyId} (${pinned ? 'pinned' : 'configured'} key)`;
  if (!checkpoints.latest) {
    return `covers: ${chains} only; no checkpoint yet, so a deleted stream or a cut-off tail is not noticed`;
  }
  const signed =
    checkpoints.verified === checkpoints.count && checkpoints.count === checkpoints.latest.sequence
      ? `checkpoints 1..${checkpoints.latest.sequence} signed by ${key}`
      : `${checkpoints.verified} of ${checkpoints.count} checkpoints signed by ${key} and matching`;
  return `covers: ${chains}; ${signed}; events after position ${checkpoints.coveredUpTo} are covered by chains only`;
}

function describe(report: IntegrityReport, seconds: number, pinned: boolean, out: Output): void {
  out(
    `checked ${report.events} events in ${report.streams} streams up to position ${report.headPosition} in ${seconds.toFixed(1)} s`,
  );
  const { checkpoints } = report;
  out(
    checkpoints.latest
      ? `checkpoints: ${checkpoints.count}, ${checkpoints.verified} verified; the latest (#${checkpoints.latest.sequence}, root ${checkpoints.latest.merkleRoot}) covers positions up to ${checkpoints.latest.position}`
      : 'checkpoints: none yet (the worker records them periodically)',
  );
  out(coverage(report, pinned));
  const expected = checkpoints.expected;
  if (expected)
    out(`expected checkpoint #${expected.sequence} (root ${expected.merkleRoot}): ${expected.found}`);
  else {
    out(
      'note: without --expect <sequence>:<root> a store cut back to before its newest checkpoint is not noticed',
    );
  }
  for (const b of report.chainBreaks) {
    out(`BROKEN ${b.streamId} revision ${b.revision} (position ${b.position}): ${b.reason}: ${b.detail}`);
  }
  for (const p of checkpoints.problems) {
    const where = p.position > 0 ? ` (position ${p.position}, covering ${p.covers})` : '';
    out(`CHECKPOINT #${p.sequence}${where}: ${p.reason}: ${p.detail}`);
  }
  if (report.unreadable) out(`UNREADABLE: the store could not be read to the end: ${report.unreadable}`);
  if (report.firstBreak) {
    out(`first broken link: ${report.firstBreak.streamId} revision ${report.firstBreak.revision}`);
  }
  out(
    report.ok
      ? 'OK: every chain is intact and every checkpoint is signed and matches'
      : 'FAILED: the store has been altered',
  );
}

if (require.main === module) runCli('audit:verify', (argv) => main(argv));
