import { createHmac, randomUUID } from 'node:crypto';
import { DeadlineWorker } from '@app/deadlines';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { SimulatedClock } from '@app/shared';
import { KREIS_UNNA } from './support/fixtures';
import {
  allowPrivateWebhooks,
  decodeMail,
  startNotificationsWorker,
  startSmtpReceiver,
  startWebhookReceiver,
} from './support/notifications';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { eventually, removeQueueKeys } from './support/waiting';

/** Queue tests share Redis database 5, each under its own prefix (see test/support/deadlines-harness.ts). */
const REDIS_URL = 'redis://127.0.0.1:6379/5';
const DAY_MS = 86_400_000;
/** A business day in 400 ms of wall-clock time: three weeks in about nine seconds. */
const SPEED = DAY_MS / 400;
const APPLICATION = `kkz-2011.${KREIS_UNNA}`;

describe('the reminders of a council resolution reach inbox, e-mail and webhook, in order, over weeks of simulated time', () => {
  let api: TestApi;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let notifications: Awaited<ReturnType<typeof startNotificationsWorker>>;
  let deadlines: DeadlineWorker;
  const prefix = `kkz-test-notify-clock-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    allowPrivateWebhooks();
    api = await startTestApi({ now: '2012-02-20T09:00:00.000Z', env: { REDIS_URL } });
    smtp = await startSmtpReceiver();
    hooks = await startWebhookReceiver(() => 204);
  });

  afterAll(async () => {
    await deadlines?.stop();
    await notifications?.close();
    await removeQueueKeys(REDIS_URL, prefix);
    await Promise.all([smtp?.close(), hooks?.close()]);
    await api?.close();
  });

  it('tells Kreis Unna of its council resolution due after selection: 14, 7, 1 and 0 days before, then missed', async () => {
    const unna = bearer(await api.token('municipality', KREIS_UNNA));
    const settings = `/municipalities/${KREIS_UNNA}/notification-settings`;
    await api.http
      .put(settings)
      .set(unna)
      .send({ email: 'fristen@kreis-unna.de', webhookUrl: `${hooks.url}/kkz` })
      .expect(200);
    const secret = (await api.http.get(settings).set(unna).expect(200)).body.webhookSecret as string;

    const clock = new SimulatedClock({ start: '2012-02-20T00:00:00.000Z', speed: SPEED });
    deadlines = new DeadlineWorker({ store: api.store, clock, redisUrl: REDIS_URL, queuePrefix: prefix });
    notifications = await startNotificationsWorker(api, prefix, { SMTP_URL: smtp.url }, clock);
    await deadlines.start();

    // Selected in February 2012; the resolution may follow, due Saturday 10 March 2012, which
    // § 193 BGB moves to Monday 12 March.
    await api.store.appendToStream(
      `selection-${APPLICATION}`,
      [
        newEvent(
          'SubmissionSelected',
          {
            applicationId: APPLICATION,
            callId: 'kkz-2011',
            programmeId: 'kkz',
            ags: KREIS_UNNA,
            members: [],
            amountCents: 6_400_000,
            population: 394_000,
            reasons: ['Konzept überzeugend'],
            rules: { version: 0, effectiveFrom: null },
            councilResolutionDue: { ags: [KREIS_UNNA], dueDate: '2012-03-10' },
          },
          { occurredAt: clock.nowIso(), actor: { subject: 'office', role: 'grants-office' } },
        ),
      ],
      'any',
    );

    const inbox = await eventually(async () => {
      const body = (await api.http.get('/inbox').set(unna).expect(200)).body;
      return body.items.length >= 5 && smtp.messages.length >= 5 && hooks.requests.length >= 5 && body;
    }, 20_000);
    expect(clock.now().getTime()).toBeGreaterThan(Date.parse('2012-03-12T23:00:00.000Z'));

    const told = ['in 14 Tagen', 'in 7 Tagen', 'morgen', 'heute'].map(
      (when) =>
        `Erinnerung: Ratsbeschluss zur Bewerbung ${APPLICATION} – Frist endet ${when}, am Montag, 12. März 2012`,
    );
    const missed = `Frist versäumt: Ratsbeschluss zur Bewerbung ${APPLICATION} – fällig war Montag, 12. März 2012`;
    const expected = [...told, missed];

    expect([...inbox.items].reverse().map((i: { headline: string }) => i.headline)).toEqual(expected);
    expect(smtp.messages.map((m) => decodeMail(m.raw).subject)).toEqual(expected);
    expect(smtp.messages.every((m) => m.to.join() === 'fristen@kreis-unna.de')).toBe(true);
    const payloads = hooks.requests.map(
      (r) => JSON.parse(r.body) as { headline: string; offsetDays?: number },
    );
    expect(payloads.map((p) => p.headline)).toEqual(expected);
    expect(payloads.map((p) => p.offsetDays)).toEqual([14, 7, 1, 0, undefined]);
    for (const r of hooks.requests)
      expect(r.headers['x-kkz-signature']).toBe(
        `sha256=${createHmac('sha256', secret).update(r.body).digest('hex')}`,
      );

    // The escalation reaches the grants office's inbox.
    const office = bearer(await api.token('grants-office'));
    const officeInbox = await eventually(async () => {
      const body = (await api.http.get('/inbox').set(office).expect(200)).body;
      return body.items.length > 0 && body;
    });
    expect(officeInbox.items[0].headline).toContain(`Eskalation: Ratsbeschluss zur Bewerbung ${APPLICATION}`);
  }, 40_000);
});
