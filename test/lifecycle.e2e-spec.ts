import { EVALUATION_CRITERIA_2018, SURVEY_SCALE_2018, TERMS_KKZ } from '@app/shared';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type ApiClient, createApiClient } from '@app/api-client';
import { verifyStore } from '@app/eventsourcing';
import { kreisUnnaOparl, kreisUnnaStated } from '@app/council-resolutions/testing-fixtures';
import { DeadlineWorker } from '@app/deadlines';
import { BRUECKEN, CALL_2011, KREIS_UNNA, PROGRAMME, UNNA_MEMBERS } from './support/fixtures';
import { eventually, removeQueueKeys } from './support/waiting';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { confirmMembers } from './support/joint-application';

const EOI = `kkz-2011.${KREIS_UNNA}`;
const GRANT = `kkz.phase-1.${KREIS_UNNA}`;
const REPORT_2012 = `${GRANT}.2012`;
const RESOLUTION_DUE = `council-resolution-due.${EOI}.${KREIS_UNNA}`;
/** Queue tests share Redis database 5, each under its own prefix. */
const REDIS_URL = 'redis://127.0.0.1:6379/5';
type Headers = Record<string, string>;

/**
 * The whole lifecycle of DOMAIN.md over HTTP, driven by the roles that own each step, for one
 * joint application: Kreis Unna with Kamen, Lünen, Selm and Unna (seed 004). Its county
 * resolution follows after selection, as phase I allowed.
 */
describe('a joint application from the call to an answered survey', () => {
  let api: TestApi;
  let office: Headers;
  let unna: Headers;
  let auditor: Headers;
  let evaluator: Headers;
  let deadlines: DeadlineWorker;
  /** The typed client generated from /docs-json: its calls type-check against the contract. */
  let client: ApiClient;
  const queuePrefix = `kkz-test-lifecycle-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    api = await startTestApi({ now: '2011-11-01T09:00:00.000Z' });
    office = bearer(await api.token('grants-office'));
    unna = bearer(await api.token('municipality', KREIS_UNNA));
    auditor = bearer(await api.token('auditor'));
    evaluator = bearer(await api.token('evaluator'));
    await api.app.listen(0, '127.0.0.1');
    client = createApiClient(`http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`);
    // The deadline manager follows the store; on the fixed clock nothing is to fire.
    deadlines = new DeadlineWorker({
      store: api.store,
      clock: api.clock,
      redisUrl: REDIS_URL,
      queuePrefix,
      processFirings: false,
      reconcileIntervalMs: 0,
    });
    await deadlines.start();
  });
  afterAll(async () => {
    await deadlines?.stop();
    await removeQueueKeys(REDIS_URL, queuePrefix);
    await api.close();
  });
  const deadline = async (id: string) => {
    const res = await api.http.get(`/deadlines/${id}`).set(unna);
    return res.status === 200 ? (res.body as { status: string; dueDate: string; metAt?: string }) : undefined;
  };

  const at = (instant: string) => api.clock.set(instant);
  const post = (path: string, who: Headers, body: object = {}) => api.http.post(path).set(who).send(body);
  const get = async (path: string, who: Headers = office) =>
    (await api.http.get(path).set(who).expect(200)).body;
  /** A typed call's answer, insisting on its status. */
  const answer = async <T>(call: Promise<{ data?: T; response: Response }>, status: number): Promise<T> => {
    const { data, response } = await call;
    expect(response.status).toBe(status);
    return data as T;
  };

  it('1. the grants office adopts the phase-I rules and publishes the 2011 call', async () => {
    await answer(client.POST('/programmes', { body: PROGRAMME, headers: office }), 201);
    const kkz = { params: { path: { programmeId: 'kkz' } }, headers: office };
    const rules = await answer(
      client.POST('/programmes/{programmeId}/rules', {
        ...kkz,
        body: {
          version: 1,
          effectiveFrom: '2011-11-01',
          label: 'Förderphase I',
          rules: TERMS_KKZ,
        },
      }),
      201,
    );
    expect(rules.revision).toBeGreaterThanOrEqual(0);
    await answer(
      client.POST('/programmes/{programmeId}/calls', {
        ...kkz,
        body: {
          ...CALL_2011,
          phase: 1,
          assessmentCriteria: [
            {
              criterionId: 'prevention',
              title: 'Verbesserung der Lage von Kindern durch Prävention',
              weight: 3,
            },
            { criterionId: 'network', title: 'Vernetzung der Akteure', weight: 1 },
          ],
        },
      }),
      201,
    );
    const call = { params: { path: { callId: 'kkz-2011' } } };
    await answer(client.POST('/calls/{callId}/publish', { ...call, headers: office }), 200);
    const published = await answer(client.GET('/calls/{callId}', { ...call, headers: unna }), 200);
    expect(published.status).toBe('published');
    const listed = await answer(
      client.GET('/calls', { params: { query: { status: 'published', q: 'kkz' } }, headers: unna }),
      200,
    );
    expect(listed.items.map((c) => c.callId)).toEqual(['kkz-2011']);
    expect(published).toMatchObject({
      status: 'published',
      closesAt: '2011-12-15T23:00:00.000Z',
    });
  });

  it('2. Kreis Unna leads the joint application and submits it before the deadline, resolution promised', async () => {
    at('2011-11-20T10:00:00.000Z');
    await answer(
      client.POST('/calls/{callId}/expressions-of-interest', {
        params: { path: { callId: 'kkz-2011' } },
        body: { ...BRUECKEN, memberAgs: UNNA_MEMBERS },
        headers: unna,
      }),
      201,
    );
    // Each city joins by its own act, with its own token.
    await confirmMembers(api, EOI, UNNA_MEMBERS);
    at('2011-12-14T16:00:00.000Z');
    const application = { params: { path: { applicationId: EOI } }, headers: unna };
    await answer(client.POST('/expressions-of-interest/{applicationId}/submit', application), 200);
    const submitted = await answer(client.GET('/expressions-of-interest/{applicationId}', application), 200);
    expect(submitted).toMatchObject({ status: 'submitted', joint: true });
    expect(submitted.members.map((m) => m.ags)).toEqual(UNNA_MEMBERS);
  });

  it('3. the office checks, scores and selects it; the amount follows the tier and a resolution falls due', async () => {
    at('2012-02-10T09:00:00.000Z');
    await post(`/expressions-of-interest/${EOI}/formal-check`, office).expect(201);
    await post(`/expressions-of-interest/${EOI}/assessments`, office, {
      scores: [
        { criterionId: 'prevention', score: 8 },
        { criterionId: 'network', score: 9 },
      ],
      comment: 'Starker Verbund aus Kreis und vier Städten',
    }).expect(201);
    await post(`/expressions-of-interest/${EOI}/decision`, office, {
      outcome: 'selected',
      reasons: ['Überzeugendes Präventionskonzept', 'Verbund deckt den Kreis ab'],
    }).expect(201);
    const selection = await get(`/expressions-of-interest/${EOI}/selection`, unna);
    expect(selection).toMatchObject({
      decision: { outcome: 'selected', amountCents: 6_400_000 },
    });
    const full = await get(`/expressions-of-interest/${EOI}/selection`, office);
    expect(full.formalCheck.checks.councilResolution).toBe('promised');
    expect(full.decision.rules).toEqual({ version: 1, effectiveFrom: '2011-11-01' });
    expect(full.decision.councilResolutionDue.ags).toContain(KREIS_UNNA);
    expect(full.decision.councilResolutionDue.dueDate).toBe('2012-05-10');
    expect(await eventually(() => deadline(RESOLUTION_DUE))).toMatchObject({
      status: 'open',
      dueDate: '2012-05-10',
    });
  });

  it('4. the Kreistag resolution is delivered after selection, imported from OParl', async () => {
    at('2012-03-01T09:00:00.000Z');
    await post(`/expressions-of-interest/${EOI}/council-resolutions/oparl`, unna, {
      ...kreisUnnaOparl(),
      ...kreisUnnaStated(),
    }).expect(201);
    const resolution = await get(`/council-resolutions/${EOI}.${KREIS_UNNA}`, unna);
    expect(resolution).toMatchObject({
      body: 'county-assembly',
      result: 'approved',
      source: { kind: 'oparl' },
    });
    // The imported approval meets the deadline that opened at selection, as of the day the
    // Kreistag decided (28 Feb 2012, 00:00 Berlin time), not the day it was imported.
    const met = await eventually(
      async () => (await deadline(RESOLUTION_DUE))?.status === 'met' && deadline(RESOLUTION_DUE),
    );
    expect(met).toMatchObject({ metAt: '2012-02-27T23:00:00.000Z' });
  });

  it('5. the office issues the phase-I notice; Kreis Unna calls funds due within two months and is paid', async () => {
    at('2012-03-05T09:00:00.000Z');
    await post('/grants', office, {
      phase: 1,
      ags: KREIS_UNNA,
      applicationId: EOI,
      period: { from: '2012-03-01', to: '2015-06-30' },
      // The 64,000 EUR grant is ESF + Land; 22,000 EUR own funds come on top (50/24.4/25.6 %).
      financing: { esfCents: 4_300_000, landCents: 2_100_000, ownCents: 2_200_000 },
      conditions: ['Netzwerkkoordination mit mindestens einer halben Stelle'],
      coordinator: { name: 'Koordinierungsstelle Kreis Unna' },
    }).expect(201);
    const grant = await get(`/grants/${GRANT}`, unna);
    expect(grant).toMatchObject({
      amountCents: 6_400_000,
      totalEligibleCents: 8_600_000,
      rules: { version: 1, effectiveFrom: '2011-11-01' },
    });

    const refused = await post(`/grants/${GRANT}/disbursements`, unna, {
      amountCents: 800_000,
      dueDate: '2012-06-01',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('disbursement-beyond-window');
    const requested = await post(`/grants/${GRANT}/disbursements`, unna, {
      amountCents: 800_000,
      dueDate: '2012-04-15',
    }).expect(201);
    at('2012-04-13T09:00:00.000Z');
    await post(`/grants/${GRANT}/disbursements/${requested.body.disbursementId}/payment`, office, {
      paidOn: '2012-04-13',
    }).expect(201);
    const disbursements = await answer(
      client.GET('/grants/{grantId}/disbursements', {
        params: { path: { grantId: GRANT }, query: { status: 'paid' } },
        headers: unna,
      }),
      200,
    );
    expect(disbursements.items.map((d) => [d.amountCents, d.status])).toEqual([[800_000, 'paid']]);
    expect(disbursements.total).toBe(1);
  });

  it('6. the 2012 ESF report is returned with remarks, corrected, resubmitted and accepted; totals reconcile', async () => {
    await post(`/grants/${GRANT}/report-periods`, office).expect(200);
    at('2013-01-15T10:00:00.000Z');
    const figures = (esfCents: number, landCents: number, ownCents: number) => ({
      expenditure: { esfCents, landCents, ownCents },
      indicators: { publicAdministrationsSupported: 5, participants: 0 },
      narrative: 'Koordinierungsstelle besetzt; Netzwerk der fünf Verwaltungen aufgebaut.',
    });
    await post(`/esf-reports/${REPORT_2012}/submissions`, unna, figures(860_000, 420_000, 440_000)).expect(
      201,
    );
    at('2013-01-20T10:00:00.000Z');
    await post(`/esf-reports/${REPORT_2012}/return`, office, {
      remarks: 'Personalkosten der Kreisverwaltung (Eigenanteil) fehlen',
    }).expect(200);
    expect(await get(`/esf-reports/${REPORT_2012}`, unna)).toMatchObject({ status: 'returned' });
    at('2013-01-25T10:00:00.000Z');
    await post(`/esf-reports/${REPORT_2012}/submissions`, unna, figures(880_000, 420_000, 460_000)).expect(
      201,
    );
    await post(`/esf-reports/${REPORT_2012}/acceptance`, office).expect(200);
    expect(await get(`/esf-reports/${REPORT_2012}`, auditor)).toMatchObject({
      status: 'accepted',
      submission: 2,
    });

    const totals = await get('/programmes/kkz/esf-totals', auditor);
    expect(JSON.stringify(totals)).toContain(REPORT_2012);
    const csv = await api.http.get('/programmes/kkz/esf-totals.csv').set(office).expect(200);
    expect(csv.text).toMatch(/2012/);
  });

  it('7. the evaluation survey reaches Kreis Unna, which answers inside the window; the evaluator reads the result', async () => {
    at('2017-11-20T09:00:00.000Z');
    await post('/evaluations', office, {
      evaluationId: 'kkz-evaluation',
      programmeId: 'kkz',
      title: 'Evaluation Kommunale Präventionsketten',
      criteria: EVALUATION_CRITERIA_2018,
    }).expect(201);
    await post('/evaluations/kkz-evaluation/surveys', office, {
      surveyId: 'online-survey-2017',
      title: 'Onlinebefragung aller Projektkommunen Ende 2017',
      scale: SURVEY_SCALE_2018,
      opensOn: '2017-12-06',
      closesOn: '2018-01-02',
      questions: [
        {
          questionId: 'networks',
          text: 'Wie weit haben Sie Ihre Ziele beim Aufbau von Netzwerken erreicht?',
          kind: 'scale',
          criterion: 'goal-attainment',
        },
      ],
    }).expect(201);
    at('2017-12-12T10:00:00.000Z');
    await post('/surveys/online-survey-2017/answers', unna, {
      answers: [{ questionId: 'networks', step: 'largely' }],
    }).expect(201);
    const share = await get(
      '/surveys/online-survey-2017/results/share?question=networks&steps=largely,fully&phase=1',
      evaluator,
    );
    expect(JSON.stringify(share)).toMatch(/"numerator":1/);
    await api.http.get(`/grants/${GRANT}`).set(evaluator).expect(403);
  });

  it('8. every step is an event in an unbroken hash chain', async () => {
    const report = await verifyStore((after) => api.store.readAll({ after, maxCount: 500 }));
    expect(report.breaks).toEqual([]);
    expect(report.events).toBeGreaterThan(20);
  });
});
