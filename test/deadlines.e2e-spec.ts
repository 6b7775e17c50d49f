import { CALL_2011, PROGRAMME_KKZ, SimulatedClock } from '@app/shared';
import { adoptTerms2011, bearer } from './support/test-api';
import { BRUECKEN, DORTMUND, KREIS_UNNA } from './support/fixtures';
import {
  appendFact,
  type DeadlinesApi,
  inspectQueue,
  SHARED_QUEUE_DB,
  startDeadlinesApi,
  uniquePrefix,
} from './support/deadlines-harness';
import { eventually, removeQueueKeys } from './support/waiting';

const CALL_DEADLINE = 'call-closes.kkz-2011';
const REPORT = 'kkz.phase-1.05978000.2012';
const REPORT_DEADLINE = `esf-report-due.${REPORT}`;

describe('deadlines over HTTP, with the worker inside the API', () => {
  const prefix = uniquePrefix('deadlines-api');
  let api: DeadlinesApi;
  let office: Record<string, string>;
  // Real time from 9 Nov 2011, 10:00 Berlin: nothing falls due while the tests run.
  const clock = new SimulatedClock({ start: '2011-11-09T09:00:00.000Z', speed: 1 });

  const deadline = async (id: string) =>
    (await api.http.get(`/deadlines/${id}`).set(office)).body as Record<string, unknown> & {
      history: { type: string; data: Record<string, unknown> }[];
    };
  const queue = inspectQueue(SHARED_QUEUE_DB, prefix);
  const job = (id: string) => queue.job(id);
  const delayedJobs = () => queue.delayed();

  beforeAll(async () => {
    // One job per deadline: this file looks at each deadline's own jobs. Group firing, the default,
    // is tested in deadlines-group-firing.e2e-spec.ts.
    api = await startDeadlinesApi({ clock, queuePrefix: prefix, env: { DEADLINE_GROUP_FIRING: 'false' } });
    office = bearer(await api.token('grants-office'));
    await api.http.post('/programmes').set(office).send(PROGRAMME_KKZ).expect(201);
    await api.http.post('/programmes/kkz/calls').set(office).send(CALL_2011).expect(201);
    await adoptTerms2011({ http: api.http, clock }, office);
    await api.http.post('/calls/kkz-2011/publish').set(office).expect(200);
    await eventually(
      async () => (await api.http.get(`/deadlines/${CALL_DEADLINE}`).set(office)).status === 200,
      5000,
      'the call deadline',
    );
  });
  afterAll(async () => {
    await api.close();
    await queue.close();
    await removeQueueKeys(SHARED_QUEUE_DB, prefix);
  });

  it('opens the call’s deadline when the call is published and queues its firings', async () => {
    // Nobody to remind yet: only the closing itself is queued.
    await eventually(
      async () => (await job(`deadline|${CALL_DEADLINE}|due|20111215T230000Z`)) === 'delayed',
      5000,
      'the closing to be queued',
    );
    expect(await job(`deadline|${CALL_DEADLINE}|reminder-14|20111215T230000Z`)).toBeUndefined();
    const unna = bearer(await api.token('municipality', KREIS_UNNA));
    await api.http.post('/calls/kkz-2011/expressions-of-interest').set(unna).send(BRUECKEN).expect(201);
    await eventually(
      async () => (await deadline(CALL_DEADLINE)).history.length === 2,
      5000,
      'Kreis Unna to be obliged by the call',
    );
    const view = await deadline(CALL_DEADLINE);
    expect(view).toMatchObject({
      kind: 'call-closes',
      status: 'open',
      dueDate: '2011-12-15',
      dueAt: '2011-12-15T23:00:00.000Z',
      reminderOffsetsDays: [14, 7, 1, 0],
    });
    expect(view.history.map((e) => e.type)).toEqual(['DeadlineOpened', 'DeadlineObligationAdded']);
    expect(view.history[1].data).toMatchObject({ ags: KREIS_UNNA, applicationId: `kkz-2011.${KREIS_UNNA}` });
    // One job per deadline, for its next firing; each firing queues the one after it.
    await eventually(
      async () => (await job(`deadline|${CALL_DEADLINE}|reminder-14|20111215T230000Z`)) === 'delayed',
      5000,
      'the first reminder to be queued',
    );
    expect(await job(`deadline|${CALL_DEADLINE}|reminder-7|20111215T230000Z`)).toBeUndefined();
  });

  it('answers which deadlines were open on a day', async () => {
    const on = async (date: string) =>
      (
        (await api.http.get(`/deadlines?openOn=${date}`).set(office).expect(200)).body.items as {
          deadlineId: string;
        }[]
      ).map((d) => d.deadlineId);
    expect(await on('2011-11-09')).toContain(CALL_DEADLINE);
    expect(await on('2011-11-08')).not.toContain(CALL_DEADLINE);
  });

  it('applies the programme’s ladder and fixed dates to deadlines opened afterwards', async () => {
    await api.http
      .put('/programmes/kkz/deadline-settings')
      .set(office)
      .send({ reminderOffsetsDays: [3, 10], timeZone: 'Europe/Berlin', fixedDates: ['2012-11-24'] })
      .expect(200);
    expect(
      (await api.http.get('/programmes/kkz/deadline-settings').set(office).expect(200)).body,
    ).toMatchObject({
      reminderOffsetsDays: [10, 3],
      fixedDates: ['2012-11-24'],
    });
    // The ESF reporting context opens a report period due Saturday 24 Nov 2012, a date kept fixed.
    await appendFact(
      api.store,
      `esf-report-${REPORT}`,
      'ReportPeriodOpened',
      {
        reportId: REPORT,
        grantId: 'kkz.phase-1.05978000',
        programmeId: 'kkz',
        ags: KREIS_UNNA,
        periodId: '2012',
        from: '2012-01-01',
        to: '2012-06-30',
        dueDate: '2012-11-24',
      },
      clock.nowIso(),
    );
    await eventually(
      async () => (await api.http.get(`/deadlines/${REPORT_DEADLINE}`).set(office)).status === 200,
      5000,
      'the report deadline',
    );
    expect(await deadline(REPORT_DEADLINE)).toMatchObject({
      reminderOffsetsDays: [10, 3],
      fixed: true,
      lastDay: '2012-11-24',
      obligedAgs: [KREIS_UNNA],
    });
    await eventually(
      async () => (await job(`deadline|${REPORT_DEADLINE}|reminder-10|20121124T230000Z`)) === 'delayed',
      5000,
      'its jobs',
    );
    expect(await job(`deadline|${REPORT_DEADLINE}|reminder-14|20121124T230000Z`)).toBeUndefined();
  });

  it('reschedules on an extension, recording the reason and who granted it', async () => {
    await api.http
      .post(`/deadlines/${REPORT_DEADLINE}/extensions`)
      .set(office)
      .send({ dueDate: '2012-12-08', reason: 'Kreistag tagt erst im Dezember' })
      .expect(201);
    const view = await deadline(REPORT_DEADLINE);
    // Saturday 8 Dec 2012 is not one of the fixed dates: § 193 BGB moves it to Monday.
    expect(view).toMatchObject({
      dueDate: '2012-12-08',
      lastDay: '2012-12-10',
      dueAt: '2012-12-10T23:00:00.000Z',
    });
    expect(view.history.at(-1)).toMatchObject({
      type: 'DeadlineExtended',
      data: { reason: 'Kreistag tagt erst im Dezember', by: 'grants-office:dev' },
    });
    await eventually(
      async () => (await job(`deadline|${REPORT_DEADLINE}|reminder-10|20121210T230000Z`)) === 'delayed',
      5000,
      'new jobs',
    );
    expect(await job(`deadline|${REPORT_DEADLINE}|reminder-10|20121124T230000Z`)).toBeUndefined();
  });

  it.each([
    [
      'an extension into the past',
      'post',
      `/deadlines/${REPORT_DEADLINE}/extensions`,
      { dueDate: '2011-11-04', reason: 'zu spät' },
      'extension-into-past',
    ],
    [
      'a blank reason',
      'post',
      `/deadlines/${REPORT_DEADLINE}/extensions`,
      { dueDate: '2013-01-04', reason: ' ' },
      'reason-missing',
    ],
    [
      'moving the call’s own closing date',
      'post',
      `/deadlines/${CALL_DEADLINE}/extensions`,
      { dueDate: '2012-01-04', reason: 'mehr Zeit' },
      'deadline-follows-its-cause',
    ],
    [
      'a negative reminder offset',
      'put',
      '/programmes/kkz/deadline-settings',
      { reminderOffsetsDays: [7, -1], timeZone: 'Europe/Berlin' },
      'negative-reminder-offset',
    ],
    [
      'a duplicate reminder offset',
      'put',
      '/programmes/kkz/deadline-settings',
      { reminderOffsetsDays: [7, 7], timeZone: 'Europe/Berlin' },
      'duplicate-reminder-offset',
    ],
    [
      'an unknown time zone',
      'put',
      '/programmes/kkz/deadline-settings',
      { reminderOffsetsDays: [7], timeZone: 'Europe/Atlantis' },
      'unknown-time-zone',
    ],
    [
      'another time zone',
      'put',
      '/programmes/kkz/deadline-settings',
      { reminderOffsetsDays: [7], timeZone: 'Asia/Tokyo' },
      'unsupported-time-zone',
    ],
  ] as const)(
    'refuses %s with 422, writing and scheduling nothing',
    async (_what, method, path, body, code) => {
      const head = await api.store.headPosition();
      const jobs = await delayedJobs();
      const res = await api.http[method](path).set(office).send(body).expect(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe(code);
      expect(await api.store.headPosition()).toBe(head);
      expect(await delayedJobs()).toBe(jobs);
    },
  );

  it('answers malformed input with 400 and an unknown deadline with 404', async () => {
    const head = await api.store.headPosition();
    const put = (body: object) => api.http.put('/programmes/kkz/deadline-settings').set(office).send(body);
    expect(
      (await put({ reminderOffsetsDays: ['seven'], timeZone: 'Europe/Berlin' }).expect(400)).body.code,
    ).toBe('validation-failed');
    await put({ reminderOffsetsDays: [7], timeZone: 'Europe/Berlin', fixedDates: ['31.12.2012'] }).expect(
      400,
    );
    await put({ reminderOffsetsDays: [7], timeZone: 'Europe/Berlin', extra: 1 }).expect(400);
    await api.http
      .post(`/deadlines/${REPORT_DEADLINE}/extensions`)
      .set(office)
      .send({ dueDate: '2012-02-30', reason: 'x' })
      .expect(400);
    await api.http
      .post('/deadlines/no-such-deadline/extensions')
      .set(office)
      .send({ dueDate: '2013-01-04', reason: 'x' })
      .expect(404);
    await api.http.get('/deadlines/no-such-deadline').set(office).expect(404);
    await api.http.get('/deadlines?openOn=tomorrow').set(office).expect(400);
    expect(await api.store.headPosition()).toBe(head);
  });

  it('shows a municipality only its own obligations; another gets 404, evaluators nothing', async () => {
    const unna = bearer(await api.token('municipality', KREIS_UNNA));
    const listed = (await api.http.get('/deadlines').set(unna).expect(200)).body.items as {
      deadlineId: string;
    }[];
    expect(listed.map((d) => d.deadlineId)).toEqual([REPORT_DEADLINE]);
    expect(
      (await api.http.get(`/deadlines/${REPORT_DEADLINE}`).set(unna).expect(200)).body.history.length,
    ).toBeGreaterThan(1);
    const dortmund = bearer(await api.token('municipality', DORTMUND));
    expect((await api.http.get(`/deadlines/${REPORT_DEADLINE}`).set(dortmund).expect(404)).body.code).toBe(
      'not-found',
    );
    expect((await api.http.get(`/deadlines?ags=${KREIS_UNNA}`).set(dortmund).expect(200)).body.items).toEqual(
      [],
    );
    await api.http
      .get('/deadlines')
      .set(bearer(await api.token('evaluator')))
      .expect(403);
    await api.http
      .get(`/deadlines?ags=${KREIS_UNNA}`)
      .set(bearer(await api.token('auditor')))
      .expect(200);
  });

  it('removes pending jobs on cancellation, and cancels once', async () => {
    await api.http
      .post(`/deadlines/${REPORT_DEADLINE}/cancellation`)
      .set(office)
      .send({ reason: 'Bescheid widerrufen' })
      .expect(200);
    expect((await deadline(REPORT_DEADLINE)).status).toBe('cancelled');
    await eventually(
      async () => (await job(`deadline|${REPORT_DEADLINE}|reminder-10|20121210T230000Z`)) === undefined,
      5000,
      'jobs removed',
    );
    expect(await delayedJobs()).toBe(1);
    const again = await api.http
      .post(`/deadlines/${REPORT_DEADLINE}/cancellation`)
      .set(office)
      .send({ reason: 'nochmal' })
      .expect(422);
    expect(again.body.code).toBe('deadline-closed');
  });
});
