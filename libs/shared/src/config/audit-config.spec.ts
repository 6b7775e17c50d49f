import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { parseEd25519PrivateKey } from './audit-config';

describe('the audit signing key from the environment', () => {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

  it('takes a PKCS#8 PEM, also with escaped newlines, or a base64 seed', () => {
    expect(parseEd25519PrivateKey(pem).asymmetricKeyType).toBe('ed25519');
    expect(parseEd25519PrivateKey(pem.replace(/\n/g, '\\n')).asymmetricKeyType).toBe('ed25519');
    expect(parseEd25519PrivateKey(randomBytes(32).toString('base64')).asymmetricKeyType).toBe('ed25519');
  });

  it('names a key that is not Ed25519, a short seed, a missing file and both variables set', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: rsa.toString() })).toThrow(
      /AUDIT_SIGNING_KEY must be an Ed25519/,
    );
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: randomBytes(16).toString('base64') })).toThrow(
      /AUDIT_SIGNING_KEY must/,
    );
    expect(() => loadConfig({ AUDIT_SIGNING_KEY_FILE: '/nonexistent/key.pem' })).toThrow(/there is no file/);
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: pem, AUDIT_SIGNING_KEY_FILE: '/x' })).toThrow(/not both/);
    expect(() => loadConfig({ AUDIT_CHECKPOINT_INTERVAL_SECONDS: 'hourly' })).toThrow(
      /AUDIT_CHECKPOINT_INTERVAL_SECONDS/,
    );
  });

  it('uses a key file, or in development one generated under DATA_DIR; production must configure one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kkz-key-'));
    writeFileSync(join(dir, 'key.pem'), pem);
    expect(loadConfig({ AUDIT_SIGNING_KEY_FILE: join(dir, 'key.pem') }).audit.signingKey).toEqual({
      source: 'AUDIT_SIGNING_KEY_FILE',
      file: join(dir, 'key.pem'),
    });
    expect(loadConfig({ DATA_DIR: dir }).audit).toEqual({
      signingKey: { source: 'generated', file: join(dir, 'audit-signing-key.pem') },
      checkpointIntervalMs: 3_600_000,
    });
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE is required in production/,
    );
  });
});
