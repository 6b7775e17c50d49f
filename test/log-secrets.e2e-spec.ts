import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { runTs } from './support/run-ts';
import { removeQueueKeys } from './support/waiting';

interface Credentials {
  tokens: string[];
  basic: string;
  session: string;
  webhookSecret: string;
  calendarToken: string;
  devSecret: string;
  notificationsKey: string;
}

/**
 * A run of the real API with every log line on (trace), through sign-ins, bearer calls, a forged
 * token, the dashboard's session, webhook settings with a secret and the calendar feed: no line
 * of its output carries a token, a cookie, an Authorization header or a secret.
 */
describe('the log of a run carries no credential', () => {
  const prefix = uniquePrefix('log-secrets');
  const dataDir = mkdtempSync(join(tmpdir(), 'kkz-log-secrets-'));
  let output = '';
  let credentials: Credentials;

  beforeAll(async () => {
    const run = await runTs('test/support/secrets-log.child.ts', [dataDir, prefix], {
      PATH: process.env.PATH ?? '',
    });
    output = `${run.stdout}\n${run.stderr}`;
    if (run.code !== 0) throw new Error(`the API run failed (exit ${run.code}):\n${output.slice(-4000)}`);
    credentials = JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8')) as Credentials;
  }, 120_000);
  afterAll(() => removeQueueKeys(SHARED_QUEUE_DB, prefix));

  it('logged the requests (so there was something to look at)', () => {
    const lines = output.split('\n').filter((l) => l.startsWith('{'));
    const urls = lines.map((l) => (JSON.parse(l) as { req?: { url?: string } }).req?.url).filter(Boolean);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/programmes',
        '/admin/queues/session',
        '/admin/queues/api/queues',
        '/municipalities/05978000/notification-settings',
      ]),
    );
    expect(urls.some((u) => u?.startsWith('/calendar/05978000/***.ics'))).toBe(true);
    expect(urls).toContain('/programmes?access_token=[redacted]');
  });

  it('holds no token, session id or secret', () => {
    const pem = readFileSync(join(dataDir, 'audit-signing-key.pem'), 'utf8');
    const secrets: Record<string, string> = {
      ...Object.fromEntries(credentials.tokens.map((t, i) => [`token ${i}`, t])),
      // A JWT's signature alone is enough to spot a token cut short.
      ...Object.fromEntries(credentials.tokens.map((t, i) => [`signature of token ${i}`, t.split('.')[2]])),
      'basic credentials': credentials.basic,
      'dashboard session id': credentials.session,
      'webhook secret': credentials.webhookSecret,
      'calendar token': credentials.calendarToken,
      'dev token secret': credentials.devSecret,
      'notifications key': credentials.notificationsKey,
      'audit signing key': pem.split('\n')[1],
    };
    const found = Object.entries(secrets)
      .filter(([, value]) => value && output.includes(value))
      .map(([name]) => name);
    expect(found).toEqual([]);
    expect(existsSync(join(dataDir, 'audit-signing-key.pem'))).toBe(true);
  });

  it('names no credential header or cookie with a value', () => {
    expect(output).not.toMatch(/Bearer\s+[A-Za-z0-9_-]{8,}/i);
    expect(output).not.toMatch(/Basic\s+[A-Za-z0-9+/=]{8,}/i);
    expect(output).not.toMatch(/kkz-queues=[A-Za-z0-9_-]{8,}/);
    for (const line of output.split('\n').filter((l) => l.startsWith('{'))) {
      const { req, res } = JSON.parse(line) as {
        req?: { headers?: Record<string, string> };
        res?: { headers?: Record<string, string> };
      };
      for (const name of ['authorization', 'cookie']) {
        if (req?.headers?.[name] !== undefined) expect(req.headers[name]).toBe('[redacted]');
      }
      if (res?.headers?.['set-cookie'] !== undefined) expect(res.headers['set-cookie']).toBe('[redacted]');
    }
  });
});
