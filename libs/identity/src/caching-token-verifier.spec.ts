import { SignJWT } from 'jose';
import { CachingTokenVerifier } from './caching-token-verifier';
import { DevTokenVerifier } from './token-verifier';

const secret = 'caching-test-secret-caching-test-secret-0123';
const sign = (exp: number) =>
  new SignJWT({ roles: ['auditor'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('a')
    .setIssuer('kkz-dev')
    .setAudience('kkz-api')
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));

describe('verified-token cache', () => {
  it('checks a token once, then answers from the cache', async () => {
    const inner = new DevTokenVerifier(secret);
    const spy = jest.spyOn(inner, 'verify');
    const cached = new CachingTokenVerifier(inner);
    const token = await sign(Math.floor(Date.now() / 1000) + 3600);
    await cached.verify(token);
    await cached.verify(token);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('never serves a token past its expiry', async () => {
    const inner = new DevTokenVerifier(secret);
    const cached = new CachingTokenVerifier(inner);
    const token = await sign(Math.floor(Date.now() / 1000) + 1);
    await cached.verify(token);
    await new Promise((r) => setTimeout(r, 1100));
    await expect(cached.verify(token)).rejects.toMatchObject({ code: 'invalid-token' });
  });

  it('does not cache refusals', async () => {
    const cached = new CachingTokenVerifier(new DevTokenVerifier(secret));
    await expect(cached.verify('not.a.token')).rejects.toMatchObject({ code: 'invalid-token' });
    await expect(cached.verify('not.a.token')).rejects.toMatchObject({ code: 'invalid-token' });
  });
});
