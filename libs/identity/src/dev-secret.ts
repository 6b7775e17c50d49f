import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIN_LENGTH = 32;

/**
 * The HS256 secret of dev mode: AUTH_DEV_SECRET if set, otherwise one generated once into
 * DATA_DIR, so that the API and `npm run token` agree without any setup. The file appears whole
 * or not at all (written aside, then linked into place), and a short one is refused: an empty
 * HMAC key would let anyone sign tokens.
 */
export function resolveDevSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'dev-jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      linkSync(aside, file);
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(aside);
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_LENGTH) {
    throw new Error(
      `${file} holds a secret shorter than ${MIN_LENGTH} characters; delete it to have a new one made.`,
    );
  }
  return secret;
}
