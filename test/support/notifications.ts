import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { type EventStore, ProjectionRunner, type RecordedEvent } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { NotificationsWorkerModule, NotificationsWorkerRuntime, notificationIdFor } from '@app/notifications';
import { type AppConfig, APP_CONFIG, type Clock, EventSourcingModule } from '@app/shared';
import { bearer, type TestApi } from './test-api';
/**
 * Appends a deadline contract event (docs/events.md) as the deadline manager would, and waits
 * until the API's read models have it. Returns the event id (notification ids derive from it).
 */
export async function appendDeadlineEvent(
  api: TestApi,
  deadlineId: string,
  type: string,
  data: object,
  occurredAt = api.clock.nowIso(),
): Promise<string> {
  const eventId = randomUUID();
  const { position } = await api.store.appendToStream(
    `deadline-${deadlineId}`,
    [
      newEvent(
        type,
        { deadlineId, ...data },
        { eventId, occurredAt, actor: { subject: 'deadline-manager', role: 'system' } },
      ),
    ],
    'any',
  );
  await api.app.get(ProjectionRunner).waitFor(position);
  return eventId;
}

type Answer = { status: number; headers: Record<string, string>; body: { code: string } };

/** A refusal: the status, problem+json with the code, and nothing written to the store. */
export async function expectRefused(
  api: TestApi,
  call: () => PromiseLike<Answer>,
  status: number,
  code: string,
): Promise<void> {
  const head = await api.store.headPosition();
  const res = await call();
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body.code).toBe(code);
  expect(await api.store.headPosition()).toBe(head);
}

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on loopback (no TLS, no auth) that keeps every message. A message for which
 * `hold(n)` (n: 0-based count of messages before it) is true is kept but never answered: its
 * sender waits, as if killed between writing the mail and hearing it was taken.
 */
export async function startSmtpReceiver(options: { hold?: (n: number) => boolean; port?: number } = {}) {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // A held message's sender may still be connected when the test ends.
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const held = options.hold?.(messages.length) ?? false;
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        if (!held) callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface ReceivedHook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  status: number;
}

/**
 * A local HTTP receiver; `answer` picks the status for the n-th request (0-based) to a path
 * (its headers at hand, e.g. to answer by X-KKZ-Delivery).
 * Status 0: the request is kept and never answered (its sender waits).
 */
export async function startWebhookReceiver(
  answer: (path: string, n: number, headers: IncomingHttpHeaders) => number,
) {
  const requests: ReceivedHook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const status = answer(path, requests.filter((r) => r.path === path).length, req.headers);
      requests.push({
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
        status,
      });
      if (status !== 0) res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Subject and plain text of a message as nodemailer encodes them (RFC 2047 words, quoted-printable). */
export function decodeMail(raw: string): { subject: string; text: string; headers: Record<string, string> } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const word = /=\?UTF-8\?([QB])\?([^?]*)\?=/gi;
  const subject = (headers.subject ?? '')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(word, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
  const part = textPart(headers, rest.join('\n\n'));
  return { subject, text: part.text, headers };
}

/** The text/plain part of a message or of a multipart one (mixed → alternative → text), decoded. */
function textPart(headers: Record<string, string>, body: string): { text: string } {
  const boundary = /multipart\/[a-z]+;.*boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const [head, ...rest] = chunk.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
      const partHeaders: Record<string, string> = {};
      for (const line of head.replace(/\r?\n[ \t]/g, ' ').split(/\r?\n/)) {
        const i = line.indexOf(':');
        partHeaders[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      const type = partHeaders['content-type'] ?? 'text/plain';
      if (/^multipart\//i.test(type) || /^text\/plain/i.test(type))
        return textPart(partHeaders, rest.join('\n\n').replace(/\r?\n$/, ''));
    }
    return { text: '' };
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? qp(body.replace(/=\r?\n/g, ''))
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { text: text.replace(/\r\n/g, '\n') };
}

function qp(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The store shared with the API; closing the worker must not close it under the API. */
function shared(store: EventStore): EventStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'close') return async () => undefined;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The webhook receivers of these tests listen on loopback, which a webhook may reach only with
 * WEBHOOK_ALLOW_PRIVATE=true. The API reads its notifications settings from process.env; call this
 * before starting it (jest gives each test file a process.env of its own).
 */
export function allowPrivateWebhooks(): void {
  process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
}

/**
 * The notifications side of the worker process, on the API's store and clock, with its own queue
 * prefix. It may reach loopback receivers (WEBHOOK_ALLOW_PRIVATE) unless `env` says otherwise.
 */
export async function startNotificationsWorker(
  api: TestApi,
  queuePrefix: string,
  env: Record<string, string>,
  clock: Clock = api.clock,
): Promise<{ app: INestApplicationContext; runtime: NotificationsWorkerRuntime; close(): Promise<void> }> {
  const config = api.app.get<AppConfig>(APP_CONFIG);
  @Module({
    imports: [
      EventSourcingModule.forRoot({ config, store: shared(api.store), clock }),
      NotificationsWorkerModule.forRoot({ queuePrefix, env: { WEBHOOK_ALLOW_PRIVATE: 'true', ...env } }),
    ],
  })
  class NotificationsTestWorker {}
  const app = await NestFactory.createApplicationContext(NotificationsTestWorker, { logger: false });
  await app.init();
  return { app, runtime: app.get(NotificationsWorkerRuntime), close: () => app.close() };
}

/** A notification a test expects to go out, and to whom. */
export interface OwedNotification {
  id: string;
  ags: string;
}

/** Each municipality gets its reminders by e-mail and by webhook at `${hooksUrl}/${ags}`. */
export async function subscribeAll(api: TestApi, municipalities: string[], hooksUrl: string): Promise<void> {
  for (const ags of municipalities)
    await api.http
      .put(`/municipalities/${ags}/notification-settings`)
      .set(bearer(await api.token('municipality', ags)))
      .send({ email: `fristen-${ags}@example.org`, webhookUrl: `${hooksUrl}/${ags}` })
      .expect(200);
}

const REPORT_DUE_AT = '2012-06-14T22:00:00.000Z';

/** An ESF report deadline of the obliged municipalities, due 14 June 2012, reminded at `offsets` days. */
export async function openReportDeadline(
  api: TestApi,
  reportId: string,
  obligedAgs: string[],
  offsets: number[],
): Promise<void> {
  await appendDeadlineEvent(api, reportId, 'DeadlineOpened', {
    kind: 'esf-report-due',
    subject: { reportId },
    obligedAgs,
    dueDate: '2012-06-14',
    dueAt: REPORT_DUE_AT,
    reminderOffsetsDays: offsets,
  });
}

/** The deadline manager's reminder of a report deadline; returns the notifications it owes. */
export async function remindOfReport(
  api: TestApi,
  reportId: string,
  obligedAgs: string[],
  offsetDays: number,
): Promise<OwedNotification[]> {
  const cause = await appendDeadlineEvent(api, reportId, 'DeadlineReminderIssued', {
    kind: 'esf-report-due',
    offsetDays,
    dueAt: REPORT_DUE_AT,
    obligedAgs,
    issuedAt: '2012-05-07T08:00:00.000Z',
  });
  return obligedAgs.map((ags) => ({ id: notificationIdFor(cause, ags), ags }));
}

/** Each notification with its stream as the store holds it now. */
export function notificationStreams(
  api: TestApi,
  owed: OwedNotification[],
): Promise<(OwedNotification & { events: RecordedEvent[] })[]> {
  return Promise.all(
    owed.map(async (n) => ({ ...n, events: await api.store.readStream(`notification-${n.id}`) })),
  );
}

const onChannel = (events: RecordedEvent[], type: string, channel: string) =>
  events.filter((e) => e.type === type && (e.data as { channel: string }).channel === channel).length;

/** Whether the store records every e-mail and webhook of these notifications as delivered. */
export async function allDelivered(api: TestApi, owed: OwedNotification[]): Promise<boolean> {
  return (await notificationStreams(api, owed)).every(
    ({ events }) =>
      onChannel(events, 'NotificationDelivered', 'email') > 0 &&
      onChannel(events, 'NotificationDelivered', 'webhook') > 0,
  );
}

/**
 * Every e-mail went out exactly once (one .eml file in the outbox) and every webhook was taken
 * exactly once, after as many refusals as `refusals(ags)` says the receiver gave; and the record
 * tells the truth: an attempt for each message handed over, a failure for each refusal.
 */
export async function expectEachDeliveredOnce(
  api: TestApi,
  options: {
    outbox: string;
    hooks: { requests: ReceivedHook[] };
    owed: OwedNotification[];
    refusals: (ags: string) => number;
  },
): Promise<void> {
  const mails = readdirSync(options.outbox).filter((f) => f.endsWith('.eml'));
  expect(mails).toHaveLength(options.owed.length);
  for (const { id, ags, events } of await notificationStreams(api, options.owed)) {
    expect(mails.filter((m) => m.includes(id))).toHaveLength(1);
    const calls = options.hooks.requests.filter((r) => r.headers['x-kkz-delivery'] === id);
    const accepted = calls.filter((r) => r.status === 204);
    expect({ id, accepted: accepted.length, refused: calls.length - accepted.length }).toEqual({
      id,
      accepted: 1,
      refused: options.refusals(ags),
    });
    expect({
      emailAttempts: onChannel(events, 'NotificationAttempted', 'email'),
      emailDelivered: onChannel(events, 'NotificationDelivered', 'email'),
      webhookAttempts: onChannel(events, 'NotificationAttempted', 'webhook'),
      webhookFailed: onChannel(events, 'NotificationDeliveryFailed', 'webhook'),
      webhookDelivered: onChannel(events, 'NotificationDelivered', 'webhook'),
      unknown: events.filter((e) => e.type === 'NotificationOutcomeUnknown').length,
    }).toEqual({
      emailAttempts: 1,
      emailDelivered: 1,
      webhookAttempts: calls.length,
      webhookFailed: calls.length - 1,
      webhookDelivered: 1,
      unknown: 0,
    });
  }
}
