import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@app/shared';
import { loadNotificationsConfig } from './notifications-config';

const dev = () => ({ env: 'development' as const, dataDir: mkdtempSync(join(tmpdir(), 'kkz-notify-')) });

describe('notifications configuration', () => {
  it('in development, makes a key in DATA_DIR once and writes mail into DATA_DIR/outbox', () => {
    const app = dev();
    const config = loadNotificationsConfig({}, app);
    expect(config.secretKey).toBe(readFileSync(join(app.dataDir, 'notifications-secret-key'), 'utf8'));
    expect(loadNotificationsConfig({}, app).secretKey).toBe(config.secretKey);
    expect(config.mail).toEqual({ kind: 'file', dir: join(app.dataDir, 'outbox') });
    expect(config).toMatchObject({
      attempts: 8,
      backoffMs: 60_000,
      webhookTimeoutMs: 10_000,
      reconcileIntervalMs: 60_000,
    });
  });

  it('takes SMTP_URL, MAIL_FROM and the retry settings', () => {
    const config = loadNotificationsConfig(
      {
        SMTP_URL: 'smtp://127.0.0.1:2525',
        MAIL_FROM: 'Fristen <fristen@example.org>',
        NOTIFICATION_ATTEMPTS: '3',
        NOTIFICATION_BACKOFF_MS: '200',
        NOTIFICATION_RECONCILE_INTERVAL_S: '0',
        NOTIFICATIONS_SECRET_KEY: 's'.repeat(32),
      },
      dev(),
    );
    expect(config).toMatchObject({
      mail: { kind: 'smtp', url: 'smtp://127.0.0.1:2525' },
      mailFrom: 'Fristen <fristen@example.org>',
      attempts: 3,
      backoffMs: 200,
      reconcileIntervalMs: 0,
      secretKey: 's'.repeat(32),
    });
  });

  it('names every mistake at once', () => {
    let error: unknown;
    try {
      loadNotificationsConfig(
        {
          SMTP_URL: 'http://mail',
          MAIL_FROM: 'nobody',
          NOTIFICATION_ATTEMPTS: 'many',
          NOTIFICATION_RECONCILE_INTERVAL_S: '-1',
          NOTIFICATIONS_SECRET_KEY: 'short',
        },
        dev(),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'SMTP_URL',
      'MAIL_FROM',
      'NOTIFICATION_ATTEMPTS',
      'NOTIFICATION_RECONCILE_INTERVAL_S',
      'NOTIFICATIONS_SECRET_KEY',
    ])
      expect(problems).toContain(name);
  });

  it('in production, insists on key, SMTP server and sender for the worker, creating nothing', () => {
    const app = { env: 'production' as const, dataDir: join(tmpdir(), 'kkz-never-created') };
    expect(() => loadNotificationsConfig({}, app, 'worker')).toThrow(
      /NOTIFICATIONS_SECRET_KEY[\s\S]*SMTP_URL[\s\S]*MAIL_FROM/,
    );
    expect(() => loadNotificationsConfig({}, app, 'api')).toThrow(/NOTIFICATIONS_SECRET_KEY/);
    expect(loadNotificationsConfig({ NOTIFICATIONS_SECRET_KEY: 'p'.repeat(40) }, app, 'api').secretKey).toBe(
      'p'.repeat(40),
    );
    expect(existsSync(app.dataDir)).toBe(false);
  });
});
