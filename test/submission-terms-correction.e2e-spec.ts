import { DEFAULT_REGISTRY_FILE } from '@app/shared';
import {
  CALL_TERMS_DBL as CALL_TERMS,
  checkAndAssessDbl,
  EOI_DBL as EOI,
  PROGRAMME_DBL as PROGRAMME,
  TERMS_DBL as TERMS,
} from './support/dbl-programme';
import { bearer, startTestApi, type TestApi } from './support/test-api';

/**
 * Issue 12, "explicit terms": a submission is decided under the terms recorded for it, shown on
 * the call and on the submission; a decision taken under the wrong terms is corrected by a new
 * event with its reason, never by an edit. Here version 2 of the programme's terms was adopted
 * late: Holzwickede submitted under version 1, the office corrects the submission to version 2
 * with its reason, and the selection is then decided under version 2.
 */
jest.setTimeout(60_000);

const CALL = CALL_TERMS.callId;
const HOLZWICKEDE = '05978016';
const BOENEN = '05978008';
const APPLICATION = `${CALL}.${HOLZWICKEDE}`;
const CORRECTIONS = `/expressions-of-interest/${APPLICATION}/terms-corrections`;
const REASON =
  'Fassung 2 galt nach dem Erlass vom 15. Januar 2026 bereits für alle Einreichungen ab Februar.';

describe('the terms a submission is decided under: shown, and corrected with a reason', () => {
  let api: TestApi;
  let office: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi({
      now: '2026-01-05T09:00:00.000Z',
      env: { MUNICIPALITY_REGISTRY_FILE: DEFAULT_REGISTRY_FILE },
    });
    office = bearer(await api.token('grants-office'));
    await api.http.post('/programmes').set(office).send(PROGRAMME).expect(201);
    await api.http
      .post('/programmes/dbl/rules')
      .set(office)
      .send({ version: 1, effectiveFrom: '2026-01-05', label: 'Förderbedingungen 2026', rules: TERMS })
      .expect(201);
    await api.http.post('/programmes/dbl/calls').set(office).send(CALL_TERMS).expect(201);
    await api.http.post(`/calls/${CALL}/publish`).set(office).expect(200);
  });

  afterAll(async () => {
    await api?.close();
  });

  const as = async (ags: string) => bearer(await api.token('municipality', ags));
  const correctionEvents = async () =>
    (await api.store.readStream(`application-${APPLICATION}`)).filter(
      (e) => e.type === 'SubmissionTermsCorrected',
    );

  it('shows the version in force on the call, for its opening day before it opens and for today after', async () => {
    const before = await api.http.get(`/calls/${CALL}`).set(office).expect(200);
    expect(before.body.termsInForce).toEqual({
      version: 1,
      effectiveFrom: '2026-01-05',
      label: 'Förderbedingungen 2026',
      on: '2026-01-12',
    });
    // Version 2 is adopted on 20 January, effective from 1 February.
    api.clock.set('2026-01-20T10:00:00.000Z');
    await api.http
      .post('/programmes/dbl/rules')
      .set(office)
      .send({
        version: 2,
        effectiveFrom: '2026-02-01',
        label: 'Förderbedingungen 2026, Fassung 2',
        rules: { ...TERMS, coordinatorRequired: true },
      })
      .expect(201);
    const now = await api.http
      .get(`/calls/${CALL}`)
      .set(await as(HOLZWICKEDE))
      .expect(200);
    expect(now.body.termsInForce).toMatchObject({ version: 1, on: '2026-01-20' });
  });

  it('records on the submission the version it was submitted under', async () => {
    const holzwickede = await as(HOLZWICKEDE);
    await api.http.post(`/calls/${CALL}/expressions-of-interest`).set(holzwickede).send(EOI).expect(201);
    await api.http.post(`/expressions-of-interest/${APPLICATION}/submit`).set(holzwickede).expect(200);
    const submitted = await api.http
      .get(`/expressions-of-interest/${APPLICATION}`)
      .set(holzwickede)
      .expect(200);
    expect(submitted.body.rules).toEqual({ version: 1, effectiveFrom: '2026-01-05' });
    expect(submitted.body.rulesCorrections).toBeUndefined();
  });

  it('lets only the grants office correct, and refuses a correction that corrects nothing, in German, writing nothing', async () => {
    const body = { version: 2, reason: REASON };
    // The applicant itself, another municipality, the evaluator and the auditor may not.
    for (const who of [await as(HOLZWICKEDE), await as(BOENEN)])
      await api.http.post(CORRECTIONS).set(who).send(body).expect(403);
    for (const role of ['evaluator', 'auditor'] as const)
      await api.http
        .post(CORRECTIONS)
        .set(bearer(await api.token(role)))
        .send(body)
        .expect(403);

    const head = await api.store.headPosition();
    const unknown = await api.http
      .post(CORRECTIONS)
      .set(office)
      .send({ version: 7, reason: REASON })
      .expect(422);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body).toMatchObject({ code: 'terms-version-unknown' });
    expect(unknown.body.detail).toBe(
      'Das Programm dbl hat keine Fassung 7 der Förderbedingungen; beschlossen sind die Fassungen 1, 2.',
    );
    const same = await api.http
      .post(CORRECTIONS)
      .set(office)
      .send({ version: 1, reason: REASON })
      .expect(422);
    expect(same.body).toMatchObject({ code: 'terms-already-applied' });
    const blank = await api.http
      .post(CORRECTIONS)
      .set(office)
      .send({ version: 2, reason: '   ' })
      .expect(400);
    expect(blank.body).toMatchObject({ code: 'terms-correction-reason-missing' });
    expect(blank.body.detail).toMatch(/braucht eine Begründung/);
    await api.http.post(CORRECTIONS).set(office).send({ reason: REASON }).expect(400);
    await api.http.post(CORRECTIONS).set(office).send({ version: 'zwei', reason: REASON }).expect(400);

    // A draft has no terms to correct; an unknown application is not found.
    await api.http
      .post(`/calls/${CALL}/expressions-of-interest`)
      .set(await as(BOENEN))
      .send(EOI)
      .expect(201);
    const draft = await api.http
      .post(`/expressions-of-interest/${CALL}.${BOENEN}/terms-corrections`)
      .set(office)
      .send(body)
      .expect(422);
    expect(draft.body).toMatchObject({ code: 'terms-correction-before-submission' });
    const writtenByDraft = (await api.store.headPosition()) - head;
    await api.http
      .post(`/expressions-of-interest/${CALL}.05978024/terms-corrections`)
      .set(office)
      .send(body)
      .expect(404);

    // The draft wrote its own events; none of the refusals wrote anything.
    expect(writtenByDraft).toBeGreaterThan(0);
    expect(await correctionEvents()).toEqual([]);
  });

  it('records the correction as a new event with its reason; the submission shows both versions', async () => {
    const accepted = await api.http
      .post(CORRECTIONS)
      .set(office)
      .send({ version: 2, reason: `  ${REASON} ` })
      .expect(201);
    expect(accepted.body).toMatchObject({ id: APPLICATION });

    const [event] = await correctionEvents();
    expect(event.data).toEqual({
      applicationId: APPLICATION,
      callId: CALL,
      from: { version: 1, effectiveFrom: '2026-01-05' },
      to: { version: 2, effectiveFrom: '2026-02-01' },
      reason: REASON,
      correctedAt: '2026-01-20T10:00:00.000Z',
    });
    // The submission's own record is unchanged.
    const submittedEvent = (await api.store.readStream(`application-${APPLICATION}`)).find(
      (e) => e.type === 'ExpressionOfInterestSubmitted',
    );
    expect(submittedEvent?.data).toMatchObject({ rules: { version: 1, effectiveFrom: '2026-01-05' } });

    const view = await api.http
      .get(`/expressions-of-interest/${APPLICATION}`)
      .set(await as(HOLZWICKEDE))
      .expect(200);
    expect(view.body.rules).toEqual({ version: 2, effectiveFrom: '2026-02-01' });
    expect(view.body.rulesCorrections).toEqual([
      {
        from: { version: 1, effectiveFrom: '2026-01-05' },
        to: { version: 2, effectiveFrom: '2026-02-01' },
        reason: REASON,
        correctedAt: '2026-01-20T10:00:00.000Z',
      },
    ]);
  });

  it('decides the selection under the corrected version', async () => {
    api.clock.set('2026-04-01T09:00:00.000Z');
    const eoi = `/expressions-of-interest/${APPLICATION}`;
    await checkAndAssessDbl(api.http, office, APPLICATION, [8, 7]);
    await api.http
      .post(`${eoi}/decision`)
      .set(office)
      .send({ outcome: 'selected', reasons: ['Rang innerhalb der Obergrenze'] })
      .expect(201);
    const selection = await api.http.get(`${eoi}/selection`).set(office).expect(200);
    expect(selection.body.decision.rules).toEqual({ version: 2, effectiveFrom: '2026-02-01' });
  });
});
