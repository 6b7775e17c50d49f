import { createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the Ed25519 key that signs audit exports comes from. */
export type AuditSigningKeySource =
  | { source: 'AUDIT_SIGNING_KEY'; key: string }
  | { source: 'AUDIT_SIGNING_KEY_FILE'; file: string }
  /** Development only: made once under DATA_DIR, like the dev token secret. */
  | { source: 'generated'; file: string };

export interface AuditConfig {
  signingKey: AuditSigningKeySource;
  /** How often the worker records an integrity checkpoint; 0 switches it off. */
  checkpointIntervalMs: number;
}

// DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 private key from PKCS#8 PEM or a base64 32-byte seed; throws when it is neither. */
export function parseEd25519PrivateKey(text: string): KeyObject {
  const trimmed = text.trim().replace(/\\n/g, '\n');
  let key: KeyObject;
  if (trimmed.startsWith('-----BEGIN')) key = createPrivateKey(trimmed);
  else {
    if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) throw new Error('not a base64 32-byte seed');
    const der = Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(trimmed, 'base64')]);
    key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}

const KEY_FORMS = 'an Ed25519 private key: PKCS#8 PEM, or a base64 32-byte seed';

export function loadAuditConfig(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  production: boolean,
  problems: string[],
): AuditConfig {
  const key = env.AUDIT_SIGNING_KEY?.trim() ?? '';
  const file = env.AUDIT_SIGNING_KEY_FILE?.trim() ?? '';
  let signingKey: AuditSigningKeySource = {
    source: 'generated',
    file: join(dataDir, 'audit-signing-key.pem'),
  };
  if (key && file) problems.push('Set AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE, not both.');
  else if (key) {
    if (!parses(key)) problems.push(`AUDIT_SIGNING_KEY must be ${KEY_FORMS}.`);
    signingKey = { source: 'AUDIT_SIGNING_KEY', key };
  } else if (file) {
    const path = resolve(file);
    if (!existsSync(path)) problems.push(`AUDIT_SIGNING_KEY_FILE: there is no file ${path}.`);
    else if (!parses(readFileSync(path, 'utf8'))) {
      problems.push(`AUDIT_SIGNING_KEY_FILE: ${path} must hold ${KEY_FORMS}.`);
    }
    signingKey = { source: 'AUDIT_SIGNING_KEY_FILE', file: path };
  } else if (production) {
    problems.push(
      'AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE is required in production: exports must be signed ' +
        'with one lasting key that every API replica shares, not one generated per data directory.',
    );
  }

  const raw = env.AUDIT_CHECKPOINT_INTERVAL_SECONDS?.trim() || '3600';
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds > 7 * 24 * 3600) {
    problems.push(
      `AUDIT_CHECKPOINT_INTERVAL_SECONDS must be a whole number from 0 (off) to 604800, not "${raw}".`,
    );
  }
  return {
    signingKey,
    checkpointIntervalMs: Number.isFinite(seconds) ? Math.min(seconds, 604800) * 1000 : 0,
  };
}

function parses(text: string): boolean {
  try {
    parseEd25519PrivateKey(text);
    return true;
  } catch {
    return false;
  }
}
