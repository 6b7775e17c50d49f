import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type AuditSigningKeySource, parseEd25519PrivateKey } from '@app/shared/config/audit-config';

export interface PublicKeyInfo {
  algorithm: 'Ed25519';
  /** SubjectPublicKeyInfo PEM: what `--public-key` of the offline verifier accepts. */
  publicKeyPem: string;
  /** The raw 32-byte key, base64. */
  publicKey: string;
  /** SHA-256 of the raw key, hex: short enough to read out over the phone when pinning it. */
  keyId: string;
}

/** The key that signs audit export manifests. */
export class ExportSigningKey {
  readonly info: PublicKeyInfo;

  constructor(private readonly privateKey: KeyObject) {
    this.info = publicKeyInfo(createPublicKey(privateKey));
  }

  sign(payload: string): string {
    return sign(null, Buffer.from(payload, 'utf8'), this.privateKey).toString('base64');
  }
}

export function publicKeyInfo(key: KeyObject): PublicKeyInfo {
  const der = key.export({ format: 'der', type: 'spki' });
  const raw = der.subarray(der.length - 32);
  return {
    algorithm: 'Ed25519',
    publicKeyPem: key.export({ format: 'pem', type: 'spki' }).toString(),
    publicKey: raw.toString('base64'),
    keyId: createHash('sha256').update(raw).digest('hex'),
  };
}

/**
 * The configured key, or in development one made once under DATA_DIR (written aside, then
 * linked into place, so that concurrent starts agree on one key).
 */
export function loadSigningKey(source: AuditSigningKeySource): ExportSigningKey {
  switch (source.source) {
    case 'AUDIT_SIGNING_KEY':
      return new ExportSigningKey(parseEd25519PrivateKey(source.key));
    case 'AUDIT_SIGNING_KEY_FILE':
      return new ExportSigningKey(parseEd25519PrivateKey(readFileSync(source.file, 'utf8')));
    case 'generated':
      if (!existsSync(source.file)) generateKeyFile(source.file);
      return new ExportSigningKey(parseEd25519PrivateKey(readFileSync(source.file, 'utf8')));
  }
}

function generateKeyFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  try {
    linkSync(aside, file);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(aside);
  }
}
