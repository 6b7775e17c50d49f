import { generateSecret, SecretBox, secretsEqual } from './secret-box';

describe('sealed secrets', () => {
  const box = new SecretBox('k'.repeat(40));

  it('opens what it sealed, and the sealed form does not show the secret', () => {
    const sealed = box.seal('whsec-kreis-unna');
    expect(sealed).not.toContain('whsec');
    expect(box.open(sealed)).toBe('whsec-kreis-unna');
    expect(box.seal('whsec-kreis-unna')).not.toBe(sealed);
  });

  it('does not open under another key, nor when altered', () => {
    const sealed = box.seal('whsec-kreis-unna');
    expect(new SecretBox('x'.repeat(40)).open(sealed)).toBeUndefined();
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(box.open(altered)).toBeUndefined();
    expect(box.open('not sealed')).toBeUndefined();
  });

  it('compares secrets', () => {
    const token = generateSecret(24, 'hex');
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(secretsEqual(token, token)).toBe(true);
    expect(secretsEqual(token.slice(0, -1), token)).toBe(false);
  });
});
