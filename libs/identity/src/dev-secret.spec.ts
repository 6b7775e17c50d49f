import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveDevSecret } from './dev-secret';

describe('the dev token secret', () => {
  it('is made once and then shared', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kkz-secret-'));
    const first = resolveDevSecret(undefined, dir);
    expect(first).toHaveLength(64);
    expect(resolveDevSecret(undefined, dir)).toBe(first);
    expect(readFileSync(join(dir, 'dev-jwt-secret'), 'utf8')).toBe(first);
  });

  it('refuses a short secret file: an empty key would let anyone sign tokens', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kkz-secret-'));
    writeFileSync(join(dir, 'dev-jwt-secret'), '');
    expect(() => resolveDevSecret(undefined, dir)).toThrow(/shorter than 32/);
  });

  it('prefers AUTH_DEV_SECRET', () => {
    expect(resolveDevSecret('x'.repeat(40), '/nonexistent')).toBe('x'.repeat(40));
  });
});
