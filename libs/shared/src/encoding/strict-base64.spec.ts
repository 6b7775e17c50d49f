import { randomBytes } from 'node:crypto';
import { strictBase64 } from './strict-base64';

describe('strictBase64', () => {
  it('gives the bytes of the text each byte string is written as', () => {
    for (const length of [0, 1, 2, 3, 16, 64]) {
      const bytes = randomBytes(length);
      expect(strictBase64(bytes.toString('base64'), 'base64')?.equals(bytes)).toBe(true);
      expect(strictBase64(bytes.toString('base64url'), 'base64url')?.equals(bytes)).toBe(true);
    }
  });

  it("refuses a text Node's decoder would read as the same bytes", () => {
    // 16 bytes: 22 characters, the last one's 4 low bits unused ('A' and 'B' read alike).
    const text = Buffer.alloc(16).toString('base64url');
    expect(text.endsWith('A')).toBe(true);
    expect(Buffer.from(`${text.slice(0, -1)}B`, 'base64url').equals(Buffer.alloc(16))).toBe(true);
    expect(strictBase64(`${text.slice(0, -1)}B`, 'base64url')).toBeUndefined();
    // Characters outside the alphabet, which the decoder skips; padding where base64url has none.
    const signature = randomBytes(64).toString('base64');
    expect(strictBase64(`${signature.slice(0, 10)}!${signature.slice(10)}`, 'base64')).toBeUndefined();
    expect(strictBase64(` ${signature}`, 'base64')).toBeUndefined();
    expect(strictBase64(signature.replace(/=+$/, ''), 'base64')).toBeUndefined();
    expect(strictBase64(`${text}==`, 'base64url')).toBeUndefined();
  });
});
