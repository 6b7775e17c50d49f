import { ConfigError, loadConfig } from './app-config';

describe('configuration from the environment', () => {
  it('starts on the embedded SQLite store with no variables set', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/kkz-data' });
    expect(config.eventStore).toEqual({ kind: 'sqlite', file: '/tmp/kkz-data/events.sqlite' });
    expect(config.port).toBe(3000);
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('fires deadlines due in the same second together by default, one job per deadline on request', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/kkz-data' }).deadlineGroupFiring).toBe(true);
    expect(
      loadConfig({ DATA_DIR: '/tmp/kkz-data', DEADLINE_GROUP_FIRING: 'false' }).deadlineGroupFiring,
    ).toBe(false);
  });

  it('names every mistake at once, one sentence each', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        EVENT_STORE_URL: 'postgres://x',
        REDIS_URL: 'http://x',
        AUTH_MODE: 'oidc',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PORT'),
        expect.stringContaining('EVENT_STORE_URL'),
        expect.stringContaining('REDIS_URL'),
        expect.stringContaining('OIDC_JWKS_URL is required'),
        expect.stringContaining('OIDC_ISSUER is required'),
      ]),
    );
  });

  it('refuses dev tokens in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_MODE=dev is refused/);
  });

  it('selects EventStoreDB and memory stores by URL', () => {
    expect(loadConfig({ EVENT_STORE_URL: 'esdb://localhost:2113?tls=false' }).eventStore.kind).toBe('esdb');
    expect(loadConfig({ EVENT_STORE_URL: 'memory:' }).eventStore.kind).toBe('memory');
  });

  it.each(['kdb://db:2113?tls=false', 'kdb+discover://db:2113', 'kurrentdb+discover://db:2113'])(
    'takes the KurrentDB connection string %s for EventStoreDB',
    (url) => expect(loadConfig({ EVENT_STORE_URL: url }).eventStore).toEqual({ kind: 'esdb', url }),
  );

  it('names a missing registry file, an unwritable data directory and an empty sqlite path', () => {
    expect(() => loadConfig({ MUNICIPALITY_REGISTRY_FILE: '/nonexistent/registry.csv' })).toThrow(/no file/);
    expect(() => loadConfig({ DATA_DIR: '/etc/hostname/kkz' })).toThrow(
      /DATA_DIR: the store file .* cannot be created/,
    );
    expect(() => loadConfig({ EVENT_STORE_URL: 'sqlite:/etc/hostname/e.sqlite' })).toThrow(
      /EVENT_STORE_URL: the store file/,
    );
    expect(() => loadConfig({ EVENT_STORE_URL: 'sqlite:' })).toThrow(/needs a file/);
  });

  it('requires an https JWKS URL in production', () => {
    const oidc = {
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'i',
      OIDC_AUDIENCE: 'a',
      OIDC_JWKS_URL: 'http://idp/jwks',
    };
    expect(() => loadConfig({ ...oidc, NODE_ENV: 'production' })).toThrow(/https:\/\/ in production/);
    expect(loadConfig(oidc).auth.mode).toBe('oidc');
  });
});
