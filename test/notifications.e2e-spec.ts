import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '@app/eventsourcing';

import { DORTMUND, KREIS_UNNA } from './support/fixtures';
import { appendDeadlineEvent, expectRefused } from './support/notifications';
import { bearer, startTestApi, type TestApi } from './support/test-api';

const DEADLINE = 'kkz-2011.council-resolution.05978000';
const DUE_AT = '2012-05-14T22:00:00.000Z'; // Saturday 12 May 2012 moved to Monday 14 May (§ 193 BGB)

describe('notifications over HTTP: channel settings and calendar feed', () => {
  let api: TestApi;
  let unna: Record<string, string>;
  let dortmund: Record<string, string>;
  let office: Record<string, string>;
  let auditor: Record<string, string>;
  const deadlineEvent = (type: string, data: object, occurredAt?: string) =>
    appendDeadlineEvent(api, DEADLINE, type, data, occurredAt);

  const openDeadline = () =>
    deadlineEvent('DeadlineOpened', {
      kind: 'council-resolution-due',
      subject: { applicationId: 'kkz-2011.05978000', callId: 'kkz-2011' },
      obligedAgs: [KREIS_UNNA],
      dueDate: '2012-05-12',
      dueAt: DUE_AT,
      fixed: false,
      reminderOffsetsDays: [14, 7, 1],
      cause: randomUUID(),
    });

  beforeAll(async () => {
    api = await startTestApi({ now: '2012-02-14T10:00:00.000Z' });
    unna = bearer(await api.token('municipality', KREIS_UNNA));
    dortmund = bearer(await api.token('municipality', DORTMUND));
    office = bearer(await api.token('grants-office'));
    auditor = bearer(await api.token('auditor'));
  });
  afterAll(() => api.close());

  describe('channel settings', () => {
    const settingsPath = `/municipalities/${KREIS_UNNA}/notification-settings`;

    it('lets a municipality set its e-mail and webhook; the secret is generated and sealed', async () => {
      const res = await api.http
        .put(settingsPath)
        .set(unna)
        .send({ email: 'fristen@kreis-unna.de', webhookUrl: 'https://hooks.kreis-unna.de/kkz' })
        .expect(200);
      expect(res.body).toEqual({ id: KREIS_UNNA, revision: 0 });
      const own = (await api.http.get(settingsPath).set(unna).expect(200)).body;
      expect(own).toMatchObject({
        ags: KREIS_UNNA,
        email: 'fristen@kreis-unna.de',
        webhookUrl: 'https://hooks.kreis-unna.de/kkz',
        webhookSecretSet: true,
      });
      expect(own.webhookSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(own.calendarUrl).toMatch(new RegExp(`^/calendar/${KREIS_UNNA}/[0-9a-f]{48}\\.ics$`));
      const stored = JSON.stringify(await api.store.readStream(`notification-settings-${KREIS_UNNA}`));
      expect(stored).not.toContain(own.webhookSecret);
      expect(stored).not.toContain(own.calendarUrl.split('/')[3].replace('.ics', ''));
    });

    it('shows the grants office and auditors the channels, but no secret', async () => {
      for (const reader of [office, auditor]) {
        const view = (await api.http.get(settingsPath).set(reader).expect(200)).body;
        expect(view).toEqual({
          ags: KREIS_UNNA,
          email: 'fristen@kreis-unna.de',
          webhookUrl: 'https://hooks.kreis-unna.de/kkz',
          webhookSecretSet: true,
          revision: 0,
        });
      }
    });

    it('answers 404 to another municipality, for reading and for setting', async () => {
      await expectRefused(api, () => api.http.get(settingsPath).set(dortmund), 404, 'not-found');
      await expectRefused(
        api,
        () => api.http.put(settingsPath).set(dortmund).send({ email: 'x@dortmund.de' }),
        404,
        'not-found',
      );
    });

    it('refuses a webhook URL that is not http(s) with 422 and records nothing', async () => {
      for (const webhookUrl of [
        'ftp://hooks.kreis-unna.de/kkz',
        'mailto:fristen@kreis-unna.de',
        'no url at all',
      ])
        await expectRefused(
          api,
          () => api.http.put(settingsPath).set(unna).send({ webhookUrl }),
          422,
          'webhook-url-not-http',
        );
    });

    it('refuses a webhook URL with credentials, and a secret without a URL', async () => {
      await expectRefused(
        api,
        () =>
          api.http
            .put(settingsPath)
            .set(unna)
            .send({ webhookUrl: 'https://kkz:geheim@hooks.kreis-unna.de/' }),
        422,
        'webhook-url-with-credentials',
      );
      await expectRefused(
        api,
        () => api.http.put(settingsPath).set(unna).send({ webhookSecret: 'a-secret-of-20-chars' }),
        422,
        'webhook-secret-without-url',
      );
    });

    it('answers 400 to a malformed address, an unknown field or a short secret', async () => {
      await expectRefused(
        api,
        () => api.http.put(settingsPath).set(unna).send({ email: 'not-an-address' }),
        400,
        'validation-failed',
      );
      await expectRefused(
        api,
        () => api.http.put(settingsPath).set(unna).send({ sms: '0171' }),
        400,
        'validation-failed',
      );
      await expectRefused(
        api,
        () =>
          api.http
            .put(settingsPath)
            .set(unna)
            .send({ webhookUrl: 'https://hooks.kreis-unna.de/', webhookSecret: 'short' }),
        400,
        'validation-failed',
      );
    });

    it('records nothing when the same channels are set again', async () => {
      const head = await api.store.headPosition();
      const res = await api.http
        .put(settingsPath)
        .set(unna)
        .send({ email: 'fristen@kreis-unna.de', webhookUrl: 'https://hooks.kreis-unna.de/kkz' })
        .expect(200);
      expect(res.body.revision).toBe(0);
      expect(await api.store.headPosition()).toBe(head);
    });

    it("refuses a webhook URL that points into the operator's own network with 422 and records nothing", async () => {
      for (const webhookUrl of [
        'http://169.254.169.254/latest/meta-data/iam/',
        'http://127.0.0.1:3000/hook',
        'http://[::1]/hook',
        'http://10.20.30.40/hook',
        'http://localhost/hook',
        'http://metadata.google.internal/computeMetadata/v1/',
      ])
        await expectRefused(
          api,
          () => api.http.put(settingsPath).set(unna).send({ webhookUrl }),
          422,
          'webhook-url-private',
        );
    });

    it('keeps a chosen secret out of the idempotency record, and records nothing when it is sent again', async () => {
      const body = {
        email: 'fristen@kreis-unna.de',
        webhookUrl: 'https://hooks.kreis-unna.de/kkz',
        webhookSecret: 'unna-chose-this-secret-42',
      };
      await api.http.put(settingsPath).set(unna).set('Idempotency-Key', 'k-secret-1').send(body).expect(200);
      const head = await api.store.headPosition();
      const again = await api.http.put(settingsPath).set(unna).send(body).expect(200);
      expect(await api.store.headPosition()).toBe(head);
      expect(again.body.revision).toBe(1);

      const unsalted = createHash('sha256')
        .update(`PUT ${settingsPath}\n${canonicalJson(body)}`)
        .digest('hex');
      const log = JSON.stringify(await api.store.readAll());
      expect(log).not.toContain(unsalted);
      expect(log).not.toContain(body.webhookSecret);
      const own = (await api.http.get(settingsPath).set(unna).expect(200)).body;
      expect(own.webhookSecret).toBe(body.webhookSecret);
    });
  });

  describe('calendar feed', () => {
    let calendarUrl: string;
    beforeAll(async () => {
      await openDeadline();
      await deadlineEvent('DeadlineMissed', { dueAt: DUE_AT, missedAt: DUE_AT }, DUE_AT);
      calendarUrl = (
        await api.http.get(`/municipalities/${KREIS_UNNA}/notification-settings`).set(unna).expect(200)
      ).body.calendarUrl;
    });
    const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

    it('serves the open deadlines as iCalendar without a bearer token', async () => {
      const res = await api.http.get(calendarUrl).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const ics = res.text;
      expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
      const lines = unfold(ics);
      expect(lines).toContain('METHOD:PUBLISH');
      expect(lines).toContain('X-WR-CALNAME:Förderfristen – Kreis Unna');
      expect(lines).toContain(`UID:${DEADLINE}@fristen.praeventionsketten.nrw.de`);
      expect(lines).toContain('DTSTART;VALUE=DATE:20120514');
      expect(lines).toContain('SUMMARY:Überfällig: Ratsbeschluss zur Bewerbung kkz-2011.05978000');
    });

    it('answers 404 to a wrong token, a token of another municipality and an unknown municipality', async () => {
      const token = calendarUrl.split('/')[3].replace('.ics', '');
      const wrong = token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
      for (const path of [
        `/calendar/${KREIS_UNNA}/${wrong}.ics`,
        `/calendar/${DORTMUND}/${token}.ics`,
        `/calendar/99999999/${token}.ics`,
      ]) {
        const res = await api.http.get(path).expect(404);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.code).toBe('not-found');
      }
    });

    it('counts an extension in SEQUENCE and drops a met deadline', async () => {
      await deadlineEvent('DeadlineExtended', {
        dueDate: '2012-06-15',
        dueAt: '2012-06-15T22:00:00.000Z',
        reason: 'Sitzung vertagt',
        by: 'office',
      });
      const extended = unfold((await api.http.get(calendarUrl).expect(200)).text);
      expect(extended).toContain('SEQUENCE:1');
      expect(extended).toContain('DTSTART;VALUE=DATE:20120615');
      await deadlineEvent('DeadlineMet', { metAt: '2012-06-01T10:00:00.000Z', by: randomUUID() });
      expect(unfold((await api.http.get(calendarUrl).expect(200)).text)).not.toContain('BEGIN:VEVENT');
    });

    it('stops serving the old URL once the municipality rotates its token', async () => {
      await api.http
        .put(`/municipalities/${KREIS_UNNA}/notification-settings`)
        .set(unna)
        .send({
          email: 'fristen@kreis-unna.de',
          webhookUrl: 'https://hooks.kreis-unna.de/kkz',
          rotateCalendarToken: true,
        })
        .expect(200);
      const fresh = (
        await api.http.get(`/municipalities/${KREIS_UNNA}/notification-settings`).set(unna).expect(200)
      ).body;
      expect(fresh.calendarUrl).not.toBe(calendarUrl);
      await api.http.get(calendarUrl).expect(404);
      await api.http.get(fresh.calendarUrl).expect(200);
    });
  });
});
