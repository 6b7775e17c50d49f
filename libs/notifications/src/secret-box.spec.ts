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
    // Every character replaced in turn, once with its highest bit flipped and once with its
    // lowest (at the end of a part whose last character has unused low bits, the latter reads as
    // the same bytes): none of these opens.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let sameBytes = 0;
    for (let i = 'sealed.v1.'.length; i < sealed.length; i++) {
      if (sealed[i] === '.') continue;
      for (const flip of [32, 1]) {
        const altered =
          sealed.slice(0, i) + alphabet[alphabet.indexOf(sealed[i]) ^ flip] + sealed.slice(i + 1);
        const parts = (text: string) =>
          text.split('.').map((p) => Buffer.from(p, 'base64url').toString('hex'));
        if (parts(altered).join() === parts(sealed).join()) sameBytes++;
        expect(box.open(altered)).toBeUndefined();
      }
    }
    // The tag and the 16-byte body end in a character with four unused bits.
    expect(sameBytes).toBe(2);
    expect(box.open(`${sealed}A`)).toBeUndefined();
    expect(box.open('not sealed')).toBeUndefined();
  });

  it('compares secrets', () => {
    const token = generateSecret(24, 'hex');
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(secretsEqual(token, token)).toBe(true);
    expect(secretsEqual(token.slice(0, -1), token)).toBe(false);
  });
});
