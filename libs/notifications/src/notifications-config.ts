import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, ConfigError } from '@app/shared';

export const NOTIFICATIONS_CONFIG = Symbol('NotificationsConfig');

export type MailTransportConfig = { kind: 'smtp'; url: string } | { kind: 'file'; dir: string };

export interface NotificationsConfig {
  /** Seals webhook secrets and calendar tokens in events; API and worker must share it. */
  secretKey: string;
  /** Absolute base of calendar URLs handed to municipalities; without it they get a path. */
  publicBaseUrl?: string;
  mail: MailTransportConfig;
  mailFrom: string;
  /**
   * The right-hand side of every Message-ID (MAIL_MESSAGE_ID_DOMAIN; by default MAIL_FROM's
   * domain). Set it explicitly where MAIL_FROM may change: a message sent again must carry the
   * same Message-ID for mail systems to drop the duplicate.
   */
  messageIdDomain: string;
  webhookTimeoutMs: number;
  /** Delivery attempts per channel, the first included. */
  attempts: number;
  /** Delay before the first retry; each further retry waits twice as long. */
  backoffMs: number;
  /**
   * How often the dispatcher compares the queue with the store besides at start and when Redis
   * is found to have lost its data (NOTIFICATION_RECONCILE_INTERVAL_S; 0: only then).
   */
  reconcileIntervalMs: number;
  /**
   * WEBHOOK_ALLOW_PRIVATE: webhooks may point at loopback, link-local, private or internal
   * addresses. Off by default everywhere (a webhook URL must not reach into the operator's own
   * network, e.g. 169.254.169.254); tests and a local development receiver turn it on.
   */
  allowPrivateWebhooks: boolean;
}

const MIN_KEY_LENGTH = 32;
const DEV_MAIL_FROM = 'Förderfristen <fristen@foerderportal.invalid>';

/**
 * NOTIFICATIONS_SECRET_KEY, SMTP_URL, MAIL_FROM, WEBHOOK_TIMEOUT_MS, WEBHOOK_ALLOW_PRIVATE,
 * NOTIFICATION_ATTEMPTS, NOTIFICATION_BACKOFF_MS, NOTIFICATION_RECONCILE_INTERVAL_S, PUBLIC_BASE_URL: validated together, every mistake named. Production
 * must name its key, SMTP server and sender; development falls back to a key file and an
 * outbox directory under DATA_DIR.
 */
export function loadNotificationsConfig(
  env: NodeJS.ProcessEnv,
  app: Pick<AppConfig, 'env' | 'dataDir'>,
  /** The API sends no mail: it needs neither SMTP_URL nor MAIL_FROM. */
  side: 'api' | 'worker' = 'worker',
): NotificationsConfig {
  const problems: string[] = [];
  const str = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = str(name) ?? String(fallback);
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
      return fallback;
    }
    return n;
  };
  const production = app.env === 'production';
  const sendsMail = production && side === 'worker';

  let secretKey = str('NOTIFICATIONS_SECRET_KEY');
  if (secretKey && secretKey.length < MIN_KEY_LENGTH)
    problems.push(`NOTIFICATIONS_SECRET_KEY must be at least ${MIN_KEY_LENGTH} characters long.`);
  else if (!secretKey && production)
    problems.push(
      'NOTIFICATIONS_SECRET_KEY is required in production (32+ random characters, shared by api and worker).',
    );

  const smtpUrl = str('SMTP_URL');
  let mail: MailTransportConfig = { kind: 'file', dir: join(app.dataDir, 'outbox') };
  if (smtpUrl) {
    if (!hasProtocol(smtpUrl, ['smtp:', 'smtps:']))
      problems.push(`SMTP_URL must be a URL starting with smtp:// or smtps://, not "${smtpUrl}".`);
    mail = { kind: 'smtp', url: smtpUrl };
  } else if (sendsMail) {
    problems.push('SMTP_URL is required in production (e.g. smtp://mail.example.org:587).');
  }

  const mailFrom = str('MAIL_FROM') ?? (sendsMail ? '' : DEV_MAIL_FROM);
  if (!/^([^<>]*<)?[^<>@\s]+@[^<>@\s]+>?$/.test(mailFrom))
    problems.push(
      mailFrom
        ? `MAIL_FROM must be an address such as "Fristen <fristen@example.org>", not "${mailFrom}".`
        : 'MAIL_FROM is required in production.',
    );

  const fromDomain = /@([^<>@\s]+?)>?$/.exec(mailFrom)?.[1] ?? '';
  if (sendsMail && fromDomain && isPlaceholderDomain(fromDomain))
    problems.push(`MAIL_FROM must name a real domain in production, not "${fromDomain}".`);
  const messageIdDomain = str('MAIL_MESSAGE_ID_DOMAIN') ?? fromDomain;
  if (
    messageIdDomain &&
    !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(messageIdDomain)
  )
    problems.push(
      `MAIL_MESSAGE_ID_DOMAIN must be a domain such as "fristen.example.org", not "${messageIdDomain}".`,
    );
  else if (sendsMail && messageIdDomain && isPlaceholderDomain(messageIdDomain))
    problems.push(`MAIL_MESSAGE_ID_DOMAIN must be a real domain in production, not "${messageIdDomain}".`);

  const publicBaseUrl = str('PUBLIC_BASE_URL');
  if (publicBaseUrl && !hasProtocol(publicBaseUrl, ['http:', 'https:']))
    problems.push(`PUBLIC_BASE_URL must start with http:// or https://, not "${publicBaseUrl}".`);
  else if (!publicBaseUrl && sendsMail)
    problems.push(
      'PUBLIC_BASE_URL is required in production: e-mails link to the record and the calendar feed (e.g. https://foerderung.example.org).',
    );

  const allowPrivate = str('WEBHOOK_ALLOW_PRIVATE') ?? 'false';
  if (allowPrivate !== 'true' && allowPrivate !== 'false')
    problems.push(`WEBHOOK_ALLOW_PRIVATE must be "true" or "false", not "${allowPrivate}".`);

  const config = {
    allowPrivateWebhooks: allowPrivate === 'true',
    publicBaseUrl: publicBaseUrl?.replace(/\/+$/, ''),
    mail,
    mailFrom,
    messageIdDomain,
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    attempts: int('NOTIFICATION_ATTEMPTS', 8, 1, 50),
    backoffMs: int('NOTIFICATION_BACKOFF_MS', 60_000, 1, 86_400_000),
    reconcileIntervalMs: int('NOTIFICATION_RECONCILE_INTERVAL_S', 60, 0, 86_400) * 1000,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  secretKey ??= developmentKey(app.dataDir);
  return { secretKey, ...config };
}

/** Domains reserved for tests and examples (RFC 2606, RFC 6761): no mail system delivers for them. */
function isPlaceholderDomain(domain: string): boolean {
  return (
    /(^|\.)(invalid|test|example|localhost|local)$/i.test(domain) ||
    /(^|\.)example\.(com|org|net)$/i.test(domain)
  );
}

function hasProtocol(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Outside production a key is made once into DATA_DIR, so that API and worker agree without
 * setup. The file appears whole or not at all (written aside, then linked into place).
 */
function developmentKey(dataDir: string): string {
  const file = join(dataDir, 'notifications-secret-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      linkSync(aside, file);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(aside);
    }
  }
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < MIN_KEY_LENGTH)
    throw new ConfigError([
      `${file} holds a key shorter than ${MIN_KEY_LENGTH} characters; delete it to have a new one made (then set webhook secrets and calendar tokens anew).`,
    ]);
  return key;
}
