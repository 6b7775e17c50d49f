// The real API (embedded worker included) with every log line on, asked what a day of use asks:
// dev tokens, bearer calls, a forged token, the dashboard's sign-in and session, webhook settings
// with a secret, the calendar feed. Its log goes to stdout and stderr, where the parent looks for
// every credential involved. The credentials go to a file, never to the output.
//   node -r register-ts.js secrets-log.child.ts <data dir> <queue prefix>
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { resolveDevSecret, signDevToken } from '@app/identity';
import { DEMO_REGISTRY_FILE, loadConfig, PROGRAMME_KKZ } from '@app/shared';
import { buildApi } from '../../apps/api/src/build-api';

async function main(): Promise<void> {
  const [dataDir, prefix] = process.argv.slice(2);
  const config = loadConfig({
    MUNICIPALITY_REGISTRY_FILE: DEMO_REGISTRY_FILE,
    NODE_ENV: 'test',
    LOG_LEVEL: 'trace',
    EVENT_STORE_URL: `sqlite:${join(dataDir, 'events.sqlite')}`,
    DATA_DIR: dataDir,
    REDIS_URL: 'redis://127.0.0.1:6379/5',
    QUEUE_PREFIX: prefix,
    RUN_WORKER_IN_API: 'true',
    HOST: '127.0.0.1',
  });
  const app = await buildApi({ config });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

  // Dev tokens as `npm run token` makes them: signed with the secret generated into DATA_DIR.
  const devSecret = resolveDevSecret(undefined, dataDir);
  const office = await signDevToken(devSecret, { role: 'grants-office' });
  const unna = await signDevToken(devSecret, { role: 'municipality', ags: '05978000' });
  const forged = await signDevToken('f'.repeat(64), { role: 'grants-office' });
  const basic = Buffer.from('office:hunter2-hunter2').toString('base64');
  const webhookSecret = 'whsec-0123456789-abcdefghij';
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { redirect: 'manual', ...init });
  const json = (token: string, method: string, body: unknown, extra: Record<string, string> = {}) => ({
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...extra },
    body: JSON.stringify(body),
  });

  await call('/programmes', { headers: { Authorization: `Bearer ${office}` } });
  await call('/programmes', json(office, 'POST', PROGRAMME_KKZ, { 'Idempotency-Key': 'log-test-1' }));
  await call('/programmes', { headers: { Authorization: `Bearer ${forged}` } });
  await call('/programmes', { headers: { Authorization: `Basic ${basic}` } });
  await call(`/programmes?access_token=${office}`);
  await call('/nowhere', { headers: { Authorization: `Bearer ${office}` } });

  // The dashboard: sign-in with the token in a form, then the session cookie.
  const login = await call('/admin/queues/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: office }).toString(),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const session = cookie.slice('kkz-queues='.length);
  if (!session) throw new Error(`no dashboard session (HTTP ${login.status})`);
  await call('/admin/queues', { headers: { Cookie: cookie, Accept: 'text/html' } });
  await call('/admin/queues/api/queues', { headers: { Cookie: cookie } });
  await call('/admin/queues/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: unna }).toString(),
  });

  // A municipality's channels: a webhook secret it chose, then the calendar feed by its token.
  const settings = '/municipalities/05978000/notification-settings';
  const set = await call(
    settings,
    json(unna, 'PUT', {
      email: 'fristen@kreis-unna.de',
      webhookUrl: 'https://hooks.kreis-unna.de/kkz',
      webhookSecret,
    }),
  );
  if (set.status !== 200) throw new Error(`settings refused: HTTP ${set.status} ${await set.text()}`);
  const own = (await (await call(settings, { headers: { Authorization: `Bearer ${unna}` } })).json()) as {
    calendarUrl: string;
  };
  await call(own.calendarUrl);
  await call('/admin/queues/logout', { method: 'POST', headers: { Cookie: cookie } });

  writeFileSync(
    join(dataDir, 'credentials.json'),
    JSON.stringify({
      tokens: [office, unna, forged],
      basic,
      session,
      webhookSecret,
      calendarToken: own.calendarUrl.split('/')[3].replace('.ics', ''),
      devSecret,
      notificationsKey: readFileSync(join(dataDir, 'notifications-secret-key'), 'utf8').trim(),
    }),
  );
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
