import { createHmac, randomUUID } from 'node:crypto';
import { DeadlineWorker } from '@app/deadlines';
import { SimulatedClock } from '@app/shared';
import { BRUECKEN, KREIS_UNNA, OBERHAUSEN, UNNA_MEMBERS } from './support/fixtures';
import {
  allowPrivateWebhooks,
  decodeMail,
  startNotificationsWorker,
  startSmtpReceiver,
  startWebhookReceiver,
} from './support/notifications';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';
import { confirmMembers } from './support/joint-application';
import { eventually, removeQueueKeys } from './support/waiting';

/** Queue tests share Redis database 5, each under its own prefix (see test/support/deadlines-harness.ts). */
const REDIS_URL = 'redis://127.0.0.1:6379/5';
const DAY_MS = 86_400_000;
/** A business day in 400 ms of wall-clock time: 28 Nov to 16 Dec in about seven seconds. */
const SPEED = DAY_MS / 400;
const START = '2011-11-28T12:00:00.000Z';
const CALL_DEADLINE = 'call-closes.kkz-2011';
const CLOSES_AT = '2011-12-15T23:00:00.000Z';
const KAMEN = UNNA_MEMBERS[0];

const reminderOfTheCall = (when: string) =>
  `Erinnerung: Einreichung zum Aufruf zur Interessensbekundung „Kommunale Präventionsketten“ – Frist endet ${when}, am Donnerstag, 15. Dezember 2011`;

describe('a municipality that drafted for a call is reminded of its closing until it submits, over weeks of simulated time', () => {
  let api: TestApi;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let notifications: Awaited<ReturnType<typeof startNotificationsWorker>>;
  let deadlines: DeadlineWorker;
  const prefix = `kkz-test-call-reminders-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    allowPrivateWebhooks();
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z', env: { REDIS_URL } });
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

  async function channels(ags: string, email: string, path: string): Promise<string> {
    const municipality = bearer(await api.token('municipality', ags));
    const settings = `/municipalities/${ags}/notification-settings`;
    await api.http
      .put(settings)
      .set(municipality)
      .send({ email, webhookUrl: `${hooks.url}${path}` })
      .expect(200);
    return (await api.http.get(settings).set(municipality).expect(200)).body.webhookSecret as string;
  }

  const inboxOf = async (token: Record<string, string>) =>
    ((await api.http.get('/inbox').set(token).expect(200)).body.items as { headline: string }[])
      .map((i) => i.headline)
      .reverse();

  it('reaches Kreis Unna’s inbox, e-mail and webhook 14, 7, 1 and 0 days before; Oberhausen only until it submits', async () => {
    await publishCall2011(api);
    const unnaSecret = await channels(KREIS_UNNA, 'fristen@kreis-unna.de', '/unna');
    await channels(OBERHAUSEN, 'fristen@oberhausen.de', '/oberhausen');
    const unna = bearer(await api.token('municipality', KREIS_UNNA));
    const oberhausen = bearer(await api.token('municipality', OBERHAUSEN));

    // Kreis Unna drafts its joint application in November; its members join and take part through it.
    api.clock.set('2011-11-21T10:00:00.000Z');
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(unna)
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
      .expect(201);
    await confirmMembers(api, `kkz-2011.${KREIS_UNNA}`, UNNA_MEMBERS);

    const clock = new SimulatedClock({ start: START, speed: SPEED });
    deadlines = new DeadlineWorker({ store: api.store, clock, redisUrl: REDIS_URL, queuePrefix: prefix });
    notifications = await startNotificationsWorker(api, prefix, { SMTP_URL: smtp.url }, clock);
    await deadlines.start();
    // Business time starts now, not while the workers were starting.
    clock.set(START);

    // Oberhausen drafts with the workers running, before the first reminder (1 Dec, 08:00).
    api.clock.set(clock.now());
    await api.http.post('/calls/kkz-2011/expressions-of-interest').set(oberhausen).send(BRUECKEN).expect(201);

    // It submits on Saturday 10 Dec, after the 7-day reminder and before the 1-day one.
    await eventually(() => clock.now() >= new Date('2011-12-10T10:00:00.000Z'), 10_000);
    api.clock.set(clock.now());
    await api.http.post(`/expressions-of-interest/kkz-2011.${OBERHAUSEN}/submit`).set(oberhausen).expect(200);

    const office = bearer(await api.token('grants-office'));
    await eventually(
      async () => (await api.http.get('/calls/kkz-2011').set(office).expect(200)).body.status === 'closed',
      15_000,
    );
    expect(clock.now().getTime()).toBeGreaterThan(Date.parse(CLOSES_AT));
    const told = ['in 14 Tagen', 'in 7 Tagen', 'morgen', 'heute'].map(reminderOfTheCall);
    const toUnna = (path: string) => hooks.requests.filter((r) => r.path === path);
    await eventually(
      async () =>
        (await inboxOf(unna)).length >= 4 &&
        smtp.messages.length >= 6 &&
        toUnna('/unna').length >= 4 &&
        toUnna('/oberhausen').length >= 2,
    );

    // Kreis Unna: every reminder of the call, in order, on every channel, the webhook signed.
    expect(await inboxOf(unna)).toEqual(told);
    const mailTo = (address: string) =>
      smtp.messages.filter((m) => m.to.join() === address).map((m) => decodeMail(m.raw).subject);
    expect(mailTo('fristen@kreis-unna.de')).toEqual(told);
    const unnaHooks = toUnna('/unna');
    const payloads = unnaHooks.map((r) => JSON.parse(r.body) as { headline: string; offsetDays: number });
    expect(payloads.map((p) => p.headline)).toEqual(told);
    expect(payloads.map((p) => p.offsetDays)).toEqual([14, 7, 1, 0]);
    for (const r of unnaHooks)
      expect(r.headers['x-kkz-signature']).toBe(
        `sha256=${createHmac('sha256', unnaSecret).update(r.body).digest('hex')}`,
      );

    // Oberhausen: the reminders before its submission, none after it.
    const untilSubmitted = told.slice(0, 2);
    expect(await inboxOf(oberhausen)).toEqual(untilSubmitted);
    expect(mailTo('fristen@oberhausen.de')).toEqual(untilSubmitted);
    expect(toUnna('/oberhausen').map((r) => (JSON.parse(r.body) as { headline: string }).headline)).toEqual(
      untilSubmitted,
    );
    // A member of Kreis Unna's application is not reminded itself, and the grants office is not
    // obliged by a call closing: no reminder, no escalation.
    expect(await inboxOf(bearer(await api.token('municipality', KAMEN)))).toEqual([]);
    expect(await inboxOf(office)).toEqual([]);

    // Who was reminded when, from the deadline's own history.
    const history = (await api.http.get(`/deadlines/${CALL_DEADLINE}`).set(office).expect(200)).body
      .history as { type: string; data: { ags?: string; offsetDays?: number; obligedAgs?: string[] } }[];
    expect(history.map((e) => [e.type, e.data.ags ?? e.data.offsetDays ?? null])).toEqual([
      ['DeadlineOpened', null],
      ['DeadlineObligationAdded', KREIS_UNNA],
      ['DeadlineObligationAdded', OBERHAUSEN],
      ['DeadlineReminderIssued', 14],
      ['DeadlineReminderIssued', 7],
      ['DeadlineObligationMet', OBERHAUSEN],
      ['DeadlineReminderIssued', 1],
      ['DeadlineReminderIssued', 0],
      ['DeadlineMet', null],
    ]);
    expect(history.filter((e) => e.type === 'DeadlineReminderIssued').map((e) => e.data.obligedAgs)).toEqual([
      [KREIS_UNNA, OBERHAUSEN],
      [KREIS_UNNA, OBERHAUSEN],
      [KREIS_UNNA],
      [KREIS_UNNA],
    ]);
    const closed = (await api.store.readStream('call-kkz-2011')).filter((e) => e.type === 'CallClosed');
    expect(closed.map((e) => e.data)).toEqual([{ callId: 'kkz-2011', closedAt: CLOSES_AT }]);

    // Reconciling again asks for nothing more: everything above follows from the history.
    const head = await api.store.headPosition();
    expect((await deadlines.reconcile()).effects).toBe(0);
    expect(await api.store.headPosition()).toBe(head);
  }, 30_000);
});
