import type { Principal } from './principal';
import type { TokenVerifier } from './token-verifier';

interface Entry {
  principal: Principal;
  until: number;
}

/**
 * Remembers verified tokens until they expire (at most `maxAgeMs`), so a client that sends the
 * same bearer token on every request pays for signature checks once. Refusals are not cached.
 */
export class CachingTokenVerifier implements TokenVerifier {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inner: TokenVerifier,
    private readonly maxAgeMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const hit = this.entries.get(token);
    if (hit && hit.until > now) return hit.principal;
    const principal = await this.inner.verify(token);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(token, { principal, until: Math.min(now + this.maxAgeMs, expiryOf(token) ?? 0) });
    return principal;
  }
}

/** The `exp` of a token that has just been verified, in ms. */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
      exp?: number;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
