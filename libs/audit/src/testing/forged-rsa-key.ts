import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  generatePrimeSync,
  type KeyObject,
} from 'node:crypto';

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

function inverse(a: bigint, modulus: bigint): bigint {
  let [r0, r1, s0, s1] = [a % modulus, modulus, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return ((s0 % modulus) + modulus) % modulus;
}

const b64url = (n: bigint) => {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').toString('base64url');
};

/** The raw 32 bytes of an Ed25519 public key. */
export const rawEd25519 = (key: KeyObject) =>
  Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');

/**
 * An Ed25519 key pair whose raw public key ends in an odd byte: what a forger needs to build an
 * RSA key around it (an RSA exponent must be odd).
 */
export function ed25519WithOddTail(): { privateKey: KeyObject; publicKey: KeyObject } {
  for (;;) {
    const pair = generateKeyPairSync('ed25519');
    const raw = rawEd25519(pair.publicKey);
    if (raw[raw.length - 1] % 2 === 1) return pair;
  }
}

/**
 * The forgery a reviewer found: an RSA key whose public exponent is 0x01 ‖ `raw`, so that its
 * SubjectPublicKeyInfo DER ends in the same 32 bytes as the Ed25519 key `raw` belongs to. A
 * verifier that took "the last 32 bytes of the SPKI" as the raw key, and let `crypto.verify(null…)`
 * pick the algorithm from the key, accepted RSA-SHA256 signatures made with it as that key's.
 */
export function rsaKeyEndingIn(raw: Buffer): { privateKey: KeyObject; publicKey: KeyObject } {
  const e = BigInt(`0x01${raw.toString('hex')}`);
  if (e % 2n === 0n) throw new Error('an RSA exponent must be odd: use ed25519WithOddTail()');
  for (;;) {
    const p = generatePrimeSync(1024, { bigint: true });
    const q = generatePrimeSync(1024, { bigint: true });
    const lambda = ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n);
    if (p === q || gcd(e, lambda) !== 1n) continue;
    const d = inverse(e, lambda);
    const privateKey = createPrivateKey({
      key: {
        kty: 'RSA',
        n: b64url(p * q),
        e: b64url(e),
        d: b64url(d),
        p: b64url(p),
        q: b64url(q),
        dp: b64url(d % (p - 1n)),
        dq: b64url(d % (q - 1n)),
        qi: b64url(inverse(q, p)),
      },
      format: 'jwk',
    });
    return { privateKey, publicKey: createPublicKey(privateKey) };
  }
}
