import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyExport } from '../export/verify-export';
import { EXIT, type Output, runCli, stderr, stdout } from './cli-support';

const USAGE =
  'usage: npm run audit:verify-export -- <export.ndjson> [--public-key <pem file | base64 key | key id>] [--json]';

/**
 * The offline verifier: needs nothing but the file (no server, no store, no configuration).
 * Without --public-key it proves the file is intact and self-consistent; only a key obtained
 * independently (GET /audit/public-key, or the fingerprint the grants office publishes) proves
 * who signed it, since whoever alters an export can re-sign it with a key of their own.
 */
export async function main(argv: string[], out: Output = stdout, err: Output = stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'public-key': { type: 'string' }, json: { type: 'boolean', default: false } },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return EXIT.failure;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    err(USAGE);
    return EXIT.failure;
  }
  const [file] = positionals;
  if (!existsSync(file)) {
    err(`audit:verify-export: there is no file ${file}`);
    return EXIT.failure;
  }
  const pin = values['public-key'];
  const pinnedPublicKey = pin !== undefined && existsSync(pin) ? readFileSync(pin, 'utf8') : pin;
  const result = verifyExport(readFileSync(file), { pinnedPublicKey });
  if (values.json) out(JSON.stringify(result, null, 2));
  else {
    out(
      `${file}: ${result.events} events in ${result.streams} streams, signed by key ${result.keyId ?? 'unknown'}`,
    );
    for (const p of result.problems) out(`MISMATCH ${p}`);
    if (result.ok && !result.pinned) {
      out(
        'note: no --public-key given, so the signer is not checked: pin the key from GET /audit/public-key',
      );
    }
    out(
      result.ok
        ? 'OK: the export is intact and its signature verifies'
        : 'FAILED: the export does not verify',
    );
  }
  return result.ok ? EXIT.ok : EXIT.mismatch;
}

if (require.main === module) runCli('audit:verify-export', main);
