import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { strictBase64 } from '@app/shared/encoding/strict-base64';

const PREFIX = 'sealed.v1';

/**
 * Seals secrets before they go into events (auditors read every event) and opens them where a
 * secret must be used: signing a webhook, comparing a calendar token. AES-256-GCM, so a sealed
 * value that was altered does not open at all.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(keyMaterial: string) {
    // Any string of 32+ characters works as a key; hashing gives AES its 32 bytes.
    this.key = createHash('sha256').update(keyMaterial, 'utf8').digest();
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [PREFIX, iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The secret, or undefined when it was sealed under another key or altered. */
  open(sealed: string | undefined): string | undefined {
    if (!sealed?.startsWith(`${PREFIX}.`)) return undefined;
    // Each part exactly as seal() wrote it: a text that only decodes to the same bytes is altered too.
    const [iv, tag, body] = sealed
      .slice(PREFIX.length + 1)
      .split('.')
      .map((p) => strictBase64(p, 'base64url'));
    if (!iv || !tag || !body) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}

/** A fresh random secret; hex where it stands in a URL path (calendar feeds). */
export function generateSecret(bytes = 24, encoding: 'base64url' | 'hex' = 'base64url'): string {
  return randomBytes(bytes).toString(encoding);
}

/** Compares without leaking through timing how many leading characters were right. */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
