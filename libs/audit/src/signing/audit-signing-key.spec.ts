import { AuditSigningKey, verifyEd25519 } from './audit-signing-key';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('verifyEd25519', () => {
  const key = AuditSigningKey.generate();
  const payload = '{"sequence":1,"merkleRoot":"00"}';
  const signature = key.sign(payload);

  it('verifies the signature as it was written, and nothing else', () => {
    expect(verifyEd25519(key.publicKey, payload, signature)).toBe(true);
    expect(verifyEd25519(key.publicKey, `${payload} `, signature)).toBe(false);
    expect(verifyEd25519(AuditSigningKey.generate().publicKey, payload, signature)).toBe(false);
  });

  it('refuses a signature text altered so that it still decodes to the same bytes', () => {
    // 64 bytes: 86 characters and '=='; the last of the 86 has four unused low bits.
    const last = signature.length - 3;
    expect(signature.endsWith('==')).toBe(true);
    const sameBytes =
      signature.slice(0, last) + BASE64[BASE64.indexOf(signature[last]) ^ 1] + signature.slice(last + 1);
    expect(Buffer.from(sameBytes, 'base64').equals(Buffer.from(signature, 'base64'))).toBe(true);
    for (const altered of [
      sameBytes,
      `${signature.slice(0, 10)}!${signature.slice(10)}`,
      `${signature}\n`,
      signature.replace(/=+$/, ''),
    ])
      expect(verifyEd25519(key.publicKey, payload, altered)).toBe(false);
  });
});
