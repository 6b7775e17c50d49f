import { ProjectionRunner } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { BRUECKEN, CALL_2011, DORTMUND, KREIS_UNNA, OBERHAUSEN } from './support/fixtures';
import { TERMS_KKZ } from '@app/shared';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';

const KOELN = '05315000';
const PHASE_I = {
  version: 1,
  effectiveFrom: '2011-11-01',
  label: 'Förderphase I',
  rules: TERMS_KKZ,
};
const PHASE_II = {
  version: 2,
  effectiveFrom: '2016-06-01',
  label: 'Förderphase II: Ziele vom Land gesetzt',
  rules: { ...TERMS_KKZ, councilResolution: 'required-at-submission' },
};

describe('programme rules with effective dates', () => {
  let api: TestApi;
  let office: Record<string, string>;

  // Phase I is adopted on 17 October 2011, before it takes effect on 1 November.
  beforeEach(async () => {
    api = await startTestApi({ now: '2011-10-17T09:00:00.000Z' });
    office = bearer(await api.token('grants-office'));
    await publishCall2011(api, { terms: false });
  });
  afterEach(() => api.close());

  const adopt = (body: object) => api.http.post('/programmes/kkz/rules').set(office).send(body);
  const publish = () => api.http.post('/calls/kkz-2011/publish').set(office);

  async function expectRefused(
    request: () => PromiseLike<{ status: number; body: { code: string }; headers: Record<string, string> }>,
    status: number,
    code: string,
  ) {
    const before = await api.store.headPosition();
    const res = await request();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await api.store.headPosition()).toBe(before);
  }

  async function submittedRules(applicationId: string) {
    const events = await api.store.readStream(`application-${applicationId}`);
    return events.find((e) => e.type === 'ExpressionOfInterestSubmitted')?.data as { rules?: unknown };
  }

  it('adopts phase I and phase II as versions and lists them to everyone who reads programmes', async () => {
    expect((await adopt(PHASE_I).expect(201)).body).toEqual({ id: 'kkz', revision: 1 });
    await adopt(PHASE_II).expect(201);
    for (const reader of [
      office,
      bearer(await api.token('auditor')),
      bearer(await api.token('municipality', DORTMUND)),
    ]) {
      const listed = await api.http.get('/programmes/kkz/rules').set(reader).expect(200);
      expect(listed.body.items).toMatchObject([
        { ...PHASE_I, programmeId: 'kkz', adoptedAt: '2011-10-17T09:00:00.000Z' },
        { ...PHASE_II, programmeId: 'kkz' },
      ]);
    }
    await api.http
      .get('/programmes/kkz/rules')
      .set(bearer(await api.token('evaluator')))
      .expect(403);
    await api.http.get('/programmes/nope/rules').set(office).expect(404);
  });

  it('refuses versions out of sequence or effective before the previous one, writing nothing', async () => {
    await adopt(PHASE_I).expect(201);
    await expectRefused(() => adopt({ ...PHASE_II, version: 3 }), 422, 'rules-version-not-sequential');
    await expectRefused(() => adopt(PHASE_I), 422, 'rules-version-not-sequential');
    await expectRefused(
      () => adopt({ ...PHASE_II, effectiveFrom: '2011-10-20' }),
      422,
      'rules-effective-before-previous',
    );
    await expectRefused(
      () =>
        adopt({
          ...PHASE_II,
          rules: {
            ...TERMS_KKZ,
            reporting: {
              ...TERMS_KKZ.reporting,
              schedule: {
                frequency: 'annual',
                anchor: 'calendar',
                due: { monthsAfterPeriodEnd: 4, daysAfterPeriodEnd: 120 },
              },
            },
          },
        }),
      422,
      'report-schedule-ambiguous',
    );
    await expectRefused(
      () =>
        adopt({
          ...PHASE_II,
          rules: { ...TERMS_KKZ, fundingTiers: [{ minPopulation: 100, maxPopulation: 50, amountEur: 1 }] },
        }),
      422,
      'invalid-funding-tiers',
    );
    await expectRefused(
      () => api.http.post('/programmes/nope/rules').set(office).send(PHASE_I),
      404,
      'not-found',
    );
  });

  it('refuses rules that would take effect before the day they are adopted, writing nothing', async () => {
    api.clock.set('2011-11-09T09:00:00.000Z');
    await expectRefused(() => adopt(PHASE_I), 422, 'rules-effective-in-past');
    // 23:30 UTC on 8 November is already 9 November in Berlin: effective today is not retroactive.
    api.clock.set('2011-11-08T23:30:00.000Z');
    await adopt({ ...PHASE_I, effectiveFrom: '2011-11-09' }).expect(201);
    const listed = await api.http.get('/programmes/kkz/rules').set(office).expect(200);
    expect(listed.body.items.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual(['2011-11-09']);
  });

  it('refuses bad input with 400', async () => {
    await expectRefused(
      () => adopt({ ...PHASE_I, rules: { councilResolution: 'maybe' } }),
      400,
      'validation-failed',
    );
    await expectRefused(
      () => adopt({ ...PHASE_I, rules: { ...TERMS_KKZ, budget: 1 } }),
      400,
      'validation-failed',
    );
    // Incomplete terms: every part is named, nothing is filled in.
    for (const part of Object.keys(TERMS_KKZ)) {
      const { [part as keyof typeof TERMS_KKZ]: _left, ...incomplete } = TERMS_KKZ;
      await expectRefused(() => adopt({ ...PHASE_I, rules: incomplete }), 400, 'validation-failed');
    }
    await expectRefused(
      () =>
        adopt({
          ...PHASE_I,
          rules: { councilResolution: 'may-follow-after-selection', resolutionFollowUpDays: 90 },
        }),
      400,
      'validation-failed',
    );
    await expectRefused(() => adopt({ ...PHASE_I, effectiveFrom: '2011-02-30' }), 400, 'validation-failed');
    await expectRefused(() => adopt({ ...PHASE_I, version: 0 }), 400, 'validation-failed');
    await expectRefused(
      () =>
        adopt({
          ...PHASE_I,
          rules: {
            ...TERMS_KKZ,
            reporting: {
              ...TERMS_KKZ.reporting,
              schedule: { frequency: 'annual', anchor: 'calendar', due: { monthsAfterPeriodEnd: 2.5 } },
            },
          },
        }),
      400,
      'validation-failed',
    );
    await expectRefused(
      () =>
        adopt({
          ...PHASE_I,
          rules: {
            ...TERMS_KKZ,
            sources: [{ sourceId: 'esf', name: 'ESF', kind: 'grant', maxPercent: 150 }],
          },
        }),
      400,
      'validation-failed',
    );
    const auditor = bearer(await api.token('auditor'));
    await expectRefused(
      () => api.http.post('/programmes/kkz/rules').set(auditor).send(PHASE_I),
      403,
      'forbidden-role',
    );
  });

  it('publishes a call only with terms in force on its opening day, and records on a submission the version it was decided under', async () => {
    const unna = bearer(await api.token('municipality', KREIS_UNNA));
    await expectRefused(() => publish(), 422, 'terms-not-in-force');
    const refused = await publish();
    expect(refused.body.detail).toBe(
      'Für das Programm kkz gelten am 17.10.2011 keine Förderbedingungen; das Förderreferat muss zuerst eine Fassung beschließen, die spätestens an diesem Tag in Kraft tritt.',
    );
    // Adopted today, in force from 1 November: still none on the opening day (today).
    await adopt(PHASE_I).expect(201);
    await expectRefused(() => publish(), 422, 'terms-not-in-force');

    api.clock.set('2011-11-09T09:00:00.000Z');
    await publish().expect(200);
    await api.http.post('/calls/kkz-2011/expressions-of-interest').set(unna).send(BRUECKEN).expect(201);
    await api.http.post('/expressions-of-interest/kkz-2011.05978000/submit').set(unna).expect(200);
    expect((await submittedRules('kkz-2011.05978000')).rules).toEqual({
      version: 1,
      effectiveFrom: '2011-11-01',
    });
  });

  it('decides a phase-II submission under phase II: a promised resolution is refused, an adopted one recorded', async () => {
    await adopt(PHASE_I).expect(201);
    api.clock.set('2016-05-02T09:00:00.000Z');
    await adopt(PHASE_II).expect(201);
    api.clock.set('2016-09-01T08:00:00.000Z');
    // The call's own terms still let the resolution follow; the rules in force say otherwise.
    await api.http
      .post('/programmes/kkz/calls')
      .set(office)
      .send({
        ...CALL_2011,
        callId: 'kkz-2016',
        title: 'Phase II',
        kickOffDate: '2016-09-01',
        closingDate: '2016-10-31',
        phase: 2,
      })
      .expect(201);
    await api.http.post('/calls/kkz-2016/publish').set(office).expect(200);
    const koeln = bearer(await api.token('municipality', KOELN));
    await api.http.post('/calls/kkz-2016/expressions-of-interest').set(koeln).send(BRUECKEN).expect(201);
    await expectRefused(
      () => api.http.post('/expressions-of-interest/kkz-2016.05315000/submit').set(koeln),
      422,
      'council-resolution-missing',
    );
    await api.http
      .put('/expressions-of-interest/kkz-2016.05315000')
      .set(koeln)
      .send({
        ...BRUECKEN,
        councilResolution: { status: 'adopted', date: '2016-08-25', reference: 'AN/1234/2016' },
      })
      .expect(200);
    await api.http.post('/expressions-of-interest/kkz-2016.05315000/submit').set(koeln).expect(200);
    expect((await submittedRules('kkz-2016.05315000')).rules).toEqual({
      version: 2,
      effectiveFrom: '2016-06-01',
    });
  });

  it('shows a call closed by its deadline as closed, and still refuses a late submission by time', async () => {
    await adopt(PHASE_I).expect(201);
    api.clock.set('2011-11-09T09:00:00.000Z');
    await publish().expect(200);
    const oberhausen = bearer(await api.token('municipality', OBERHAUSEN));
    await api.http.post('/calls/kkz-2011/expressions-of-interest').set(oberhausen).send(BRUECKEN).expect(201);
    const { position } = await api.store.appendToStream(
      'call-kkz-2011',
      [newEvent('CallClosed', { callId: 'kkz-2011', closedAt: '2011-12-15T23:00:00.000Z' })],
      'any',
    );
    await api.app.get(ProjectionRunner).waitFor(position);
    api.clock.set('2011-12-16T08:00:00.000Z');
    const call = await api.http.get('/calls/kkz-2011').set(oberhausen).expect(200);
    expect(call.body).toMatchObject({ status: 'closed', closedAt: '2011-12-15T23:00:00.000Z' });
    await expectRefused(
      () => api.http.post('/expressions-of-interest/kkz-2011.05119000/submit').set(oberhausen),
      422,
      'submission-after-deadline',
    );
  });
});
