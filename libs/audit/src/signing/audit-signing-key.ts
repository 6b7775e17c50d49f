import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type AuditSigningKeySource, parseEd25519PrivateKey } from '@app/shared/config/audit-config';
import { strictBase64 } from '@app/shared/encoding/strict-base64';

export interface PublicKeyInfo {
  algorithm: 'Ed25519';
  /** SubjectPublicKeyInfo PEM: what `--public-key` of the verifiers accepts. */
  publicKeyPem: string;
  /** The raw 32-byte key, base64. */
  publicKey: string;
  /** SHA-256 of the raw key, hex: short enough to read out over the phone when pinning it. */
  keyId: string;
}

const RAW_KEY_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

function requireEd25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}

/**
 * Describes an Ed25519 public key; throws for any other type. The raw key comes from the JWK and
 * the key id from that raw key, never from the last bytes of an encoding: an RSA key can be built
 * whose SPKI ends in any 32 bytes one likes.
 */
export function publicKeyInfo(key: KeyObject): PublicKeyInfo {
  const raw = Buffer.from(requireEd25519(key).export({ format: 'jwk' }).x as string, 'base64url');
  return {
    algorithm: 'Ed25519',
    publicKeyPem: key.export({ format: 'pem', type: 'spki' }).toString(),
    publicKey: raw.toString('base64'),
    keyId: createHash('sha256').update(raw).digest('hex'),
  };
}

/** An Ed25519 public key from SPKI PEM or a base64 raw key; throws for anything else. */
export function readEd25519PublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return requireEd25519(createPublicKey(trimmed));
  if (!RAW_KEY_BASE64.test(trimmed)) throw new Error('neither SPKI PEM nor a base64 32-byte key');
  const x = Buffer.from(trimmed, 'base64').toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/** An Ed25519 signature check that no other key type can pass. */
export function verifyEd25519(publicKey: KeyObject, payload: string, signature: string): boolean {
  if (publicKey.asymmetricKeyType !== 'ed25519') return false;
  // Only the signature's own text: one that merely decodes to the same bytes has been altered.
  const bytes = strictBase64(signature, 'base64');
  return bytes?.length === 64 && verify(null, Buffer.from(payload, 'utf8'), publicKey, bytes);
}

/** The key that signs audit export manifests and integrity checkpoints. */
export class AuditSigningKey {
  readonly info: PublicKeyInfo;
  readonly publicKey: KeyObject;

  constructor(private readonly privateKey: KeyObject) {
    this.publicKey = createPublicKey(requireEd25519(privateKey));
    this.info = publicKeyInfo(this.publicKey);
  }

  static generate(): AuditSigningKey {
    return new AuditSigningKey(generateKeyPairSync('ed25519').privateKey);
  }

  sign(payload: string): string {
    return sign(null, Buffer.from(payload, 'utf8'), this.privateKey).toString('base64');
  }
}

/**
 * The configured key, or in development one made once under DATA_DIR (written aside, then
 * linked into place, so that concurrent starts agree on one key).
 */
export function loadSigningKey(source: AuditSigningKeySource): AuditSigningKey {
  if (source.source === 'generated' && !existsSync(source.file)) generateKeyFile(source.file);
  return new AuditSigningKey(parseEd25519PrivateKey(readSigningKeyText(source)));
}

/** The configured key's public half, without making one: undefined when none was made yet. */
export function configuredPublicKey(source: AuditSigningKeySource): KeyObject | undefined {
  if (source.source === 'generated' && !existsSync(source.file)) return undefined;
  return createPublicKey(parseEd25519PrivateKey(readSigningKeyText(source)));
}

function readSigningKeyText(source: AuditSigningKeySource): string {
  return source.source === 'AUDIT_SIGNING_KEY' ? source.key : readFileSync(source.file, 'utf8');
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
