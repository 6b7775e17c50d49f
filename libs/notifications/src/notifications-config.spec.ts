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

  it('takes the Message-ID domain from MAIL_FROM unless MAIL_MESSAGE_ID_DOMAIN names one', () => {
    const from = { MAIL_FROM: 'Fristen <fristen@foerderung.nrw.de>' };
    expect(loadNotificationsConfig(from, dev()).messageIdDomain).toBe('foerderung.nrw.de');
    expect(
      loadNotificationsConfig({ ...from, MAIL_MESSAGE_ID_DOMAIN: 'fristen.praeventionsketten.nrw.de' }, dev())
        .messageIdDomain,
    ).toBe('fristen.praeventionsketten.nrw.de');
    expect(() => loadNotificationsConfig({ MAIL_MESSAGE_ID_DOMAIN: 'not a domain' }, dev())).toThrow(
      /MAIL_MESSAGE_ID_DOMAIN/,
    );
  });

  it('in production, refuses a sender or Message-ID domain that no mail system delivers for, and wants PUBLIC_BASE_URL', () => {
    const app = { env: 'production' as const, dataDir: join(tmpdir(), 'kkz-never-created') };
    const env = {
      NOTIFICATIONS_SECRET_KEY: 'p'.repeat(40),
      SMTP_URL: 'smtp://mail.nrw.de:587',
      MAIL_FROM: 'Fristen <fristen@praeventionsketten.invalid>',
    };
    expect(() => loadNotificationsConfig(env, app, 'worker')).toThrow(
      /MAIL_FROM must name a real domain[\s\S]*PUBLIC_BASE_URL is required/,
    );
    const good = loadNotificationsConfig(
      {
        ...env,
        MAIL_FROM: 'Fristen <fristen@mkjfgfi.nrw.de>',
        PUBLIC_BASE_URL: 'https://foerderung.nrw.de/',
      },
      app,
      'worker',
    );
    expect(good).toMatchObject({
      messageIdDomain: 'mkjfgfi.nrw.de',
      publicBaseUrl: 'https://foerderung.nrw.de',
    });
  });
});
