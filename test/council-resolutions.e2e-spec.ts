import type { Test } from 'supertest';
import { councilResolutionsProjection } from '@app/council-resolutions';
import {
  kreisUnnaOparl,
  kreisUnnaStated,
  oberhausenRecordBody,
} from '@app/council-resolutions/testing-fixtures';
import { ProjectionRunner, rebuild } from '@app/eventsourcing';
import { BRUECKEN, DORTMUND, KREIS_UNNA, OBERHAUSEN, UNNA_MEMBERS } from './support/fixtures';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';
import { confirmMembers } from './support/joint-application';

const UNNA_EOI = 'kkz-2011.05978000';
const OBERHAUSEN_EOI = 'kkz-2011.05119000';
const [KAMEN, LUENEN] = UNNA_MEMBERS;

const kamenBody = () => ({
  ...oberhausenRecordBody(),
  paper: { reference: 'Vorlage 23/2012', type: 'Beschlussvorlage' },
  signOffs: [{ role: 'mayor', name: 'Hupe', date: '2012-03-05' }],
  consultations: [{ committee: 'Rat der Stadt Kamen', stage: 'decision', date: '2012-03-20' }],
  resultDate: '2012-03-20',
});

describe('council resolutions over HTTP', () => {
  let api: TestApi;
  const as = {} as Record<
    'office' | 'auditor' | 'unna' | 'kamen' | 'luenen' | 'oberhausen' | 'dortmund',
    Record<string, string>
  >;

  beforeEach(async () => {
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z' });
    as.office = bearer(await api.token('grants-office'));
    as.auditor = bearer(await api.token('auditor'));
    as.unna = bearer(await api.token('municipality', KREIS_UNNA));
    as.kamen = bearer(await api.token('municipality', KAMEN));
    as.luenen = bearer(await api.token('municipality', LUENEN));
    as.oberhausen = bearer(await api.token('municipality', OBERHAUSEN));
    as.dortmund = bearer(await api.token('municipality', DORTMUND));
    await publishCall2011(api);
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(as.unna)
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
      .expect(201);
    await confirmMembers(api, UNNA_EOI, UNNA_MEMBERS);
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(as.oberhausen)
      .send(BRUECKEN)
      .expect(201);
    api.clock.set('2012-05-02T08:00:00.000Z');
  });
  afterEach(() => api.close());

  const recordOberhausen = () =>
    api.http
      .post(`/expressions-of-interest/${OBERHAUSEN_EOI}/council-resolutions`)
      .set(as.oberhausen)
      .send(oberhausenRecordBody());
  const importUnna = (documents: object = kreisUnnaOparl()) =>
    api.http
      .post(`/expressions-of-interest/${UNNA_EOI}/council-resolutions/oparl`)
      .set(as.unna)
      .send({ ...documents, ...kreisUnnaStated() });

  /** A refusal: problem+json with its code, and not one event written. */
  async function refused(request: () => Test, status: number, code: string) {
    const before = await api.store.headPosition();
    const res = await request().expect(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(code);
    expect(await api.store.headPosition()).toBe(before);
    return res.body as Record<string, unknown>;
  }

  it("records Oberhausen's Ratsbeschluss by hand, dated when the council decided", async () => {
    const res = await recordOberhausen().expect(201);
    expect(res.body).toEqual({ id: 'kkz-2011.05119000.05119000', revision: 0 });
    const [event] = await api.store.readStream('council-resolution-kkz-2011.05119000.05119000');
    expect(event.type).toBe('CouncilResolutionRecorded');
    expect(event.metadata.occurredAt).toBe('2012-04-22T22:00:00.000Z'); // 23 Apr 2012, 00:00 in Berlin

    for (const reader of [as.oberhausen, as.office, as.auditor]) {
      const view = await api.http
        .get('/council-resolutions/kkz-2011.05119000.05119000')
        .set(reader)
        .expect(200);
      expect(view.body).toMatchObject({
        applicationId: OBERHAUSEN_EOI,
        callId: 'kkz-2011',
        ags: OBERHAUSEN,
        body: 'council',
        paper: { reference: 'B/17/1797-01', type: 'Beschlussvorlage' },
        financialConsequences: { hasConsequences: false },
        result: 'approved',
        resultDate: '2012-04-23',
        source: { kind: 'manual' },
        corrections: [],
      });
      expect(view.body.signOffs.map((s: { name: string }) => s.name)).toEqual(['Stahl', 'Wehling', 'Frind']);
    }
    const list = await api.http
      .get(`/expressions-of-interest/${OBERHAUSEN_EOI}/council-resolutions`)
      .set(as.office);
    expect(list.body.items.map((r: { resolutionId: string }) => r.resolutionId)).toEqual([
      'kkz-2011.05119000.05119000',
    ]);
  });

  it("imports Kreis Unna's Kreistag resolution from OParl, keeping the raw result and resolution text", async () => {
    const res = await importUnna().expect(201);
    expect(res.body).toEqual({ id: 'kkz-2011.05978000.05978000', revision: 0 });
    const view = await api.http
      .get('/council-resolutions/kkz-2011.05978000.05978000')
      .set(as.unna)
      .expect(200);
    expect(view.body).toMatchObject({
      body: 'county-assembly',
      paper: { reference: 'DS 018/12', type: 'Beschlussvorlage', date: '2012-01-24' },
      result: 'approved',
      resultDate: '2012-02-28',
      consultations: [
        { committee: 'Jugendhilfeausschuss', stage: 'preliminary', date: '2012-02-07' },
        { committee: 'Kreisausschuss', stage: 'preliminary', date: '2012-02-14' },
        { committee: 'Kreistag', stage: 'decision', date: '2012-02-28', result: 'approved' },
      ],
      signOffs: [{ role: 'department-head', name: 'Hahn', date: '2012-01-24' }],
      source: {
        kind: 'oparl',
        paperId: 'https://oparl.kreis-unna.example/oparl/bodies/1/papers/4711',
        rawResult: 'ungeändert beschlossen',
      },
    });
    expect(view.body.source.resolutionText).toMatch(/^Die Interessensbekundung „Brücken für Familien“/);
    expect(view.body.proposal).toBe(view.body.source.resolutionText);
  });

  it('lets a member record its own resolution, and every municipality of the application read them all', async () => {
    await importUnna().expect(201);
    const kamen = await api.http
      .post(`/expressions-of-interest/${UNNA_EOI}/council-resolutions`)
      .set(as.kamen)
      .send(kamenBody())
      .expect(201);
    expect(kamen.body.id).toBe('kkz-2011.05978000.05978020');
    const list = await api.http
      .get(`/expressions-of-interest/${UNNA_EOI}/council-resolutions`)
      .set(as.luenen)
      .expect(200);
    expect(list.body.items.map((r: { ags: string; body: string }) => [r.ags, r.body])).toEqual([
      [KREIS_UNNA, 'county-assembly'],
      [KAMEN, 'council'],
    ]);
    await api.http.get('/council-resolutions/kkz-2011.05978000.05978000').set(as.kamen).expect(200);
  });

  it('corrects a resolution with a reason, keeping the first record in history', async () => {
    await recordOberhausen().expect(201);
    const corrected = {
      ...oberhausenRecordBody(),
      consultations: [
        { committee: 'Rat der Stadt Oberhausen', stage: 'decision', date: '2012-04-30', result: 'amended' },
      ],
      result: 'amended',
      resultDate: '2012-04-30',
      reason: 'Der Rat hat den Beschlussvorschlag am 30.04.2012 mit Änderungen beschlossen.',
    };
    const res = await api.http
      .post('/council-resolutions/kkz-2011.05119000.05119000/corrections')
      .set(as.oberhausen)
      .send(corrected)
      .expect(201);
    expect(res.body).toEqual({ id: 'kkz-2011.05119000.05119000', revision: 1 });
    const view = await api.http
      .get('/council-resolutions/kkz-2011.05119000.05119000')
      .set(as.auditor)
      .expect(200);
    expect(view.body).toMatchObject({ result: 'amended', resultDate: '2012-04-30', revision: 1 });
    expect(view.body.corrections).toEqual([expect.objectContaining({ reason: corrected.reason })]);
    const history = await api.store.readStream('council-resolution-kkz-2011.05119000.05119000');
    expect(history.map((e) => e.type)).toEqual(['CouncilResolutionRecorded', 'CouncilResolutionCorrected']);
    expect(history[0].data).toMatchObject({ result: 'approved' });

    const live = api.app.get(ProjectionRunner).state(councilResolutionsProjection);
    expect(rebuild(councilResolutionsProjection, await api.store.readAll())).toEqual(live);
  });

  describe('refusals write nothing', () => {
    it('refuses a second record: a change is a correction', async () => {
      await recordOberhausen().expect(201);
      await refused(recordOberhausen, 409, 'council-resolution-exists');
    });

    it("refuses a Rat's resolution for Kreis Unna", () =>
      refused(
        () =>
          api.http
            .post(`/expressions-of-interest/${UNNA_EOI}/council-resolutions`)
            .set(as.unna)
            .send(oberhausenRecordBody()),
        422,
        'council-body-mismatch',
      ));

    it.each<[string, (body: Record<string, unknown>) => void]>([
      [
        'sign-off-after-result',
        (b) => (b.signOffs = [{ role: 'treasurer', name: 'Kämmerer', date: '2012-04-24' }]),
      ],
      ['decision-consultation-missing', (b) => (b.consultations = [])],
      [
        'consultations-out-of-order',
        (b) =>
          (b.consultations = [
            { committee: 'Jugendhilfeausschuss', stage: 'preliminary', date: '2012-04-19' },
            { committee: 'Hauptausschuss', stage: 'preliminary', date: '2012-04-16' },
            { committee: 'Rat der Stadt Oberhausen', stage: 'decision', date: '2012-04-23' },
          ]),
      ],
      [
        'result-date-in-future',
        (b) => {
          b.resultDate = '2012-05-03';
          b.consultations = [{ committee: 'Rat', stage: 'decision', date: '2012-05-03' }];
        },
      ],
      ['decision-date-mismatch', (b) => (b.resultDate = '2012-04-24')],
    ])('refuses a record with %s', (code, change) => {
      const body: Record<string, unknown> = oberhausenRecordBody();
      change(body);
      return refused(
        () =>
          api.http
            .post(`/expressions-of-interest/${OBERHAUSEN_EOI}/council-resolutions`)
            .set(as.oberhausen)
            .send(body),
        422,
        code,
      );
    });

    it('refuses an OParl result it cannot read, naming the text', async () => {
      const documents = kreisUnnaOparl();
      documents.agendaItem.result = 'durch Verwaltungshandeln erledigt';
      const problem = await refused(() => importUnna(documents), 422, 'oparl-result-unreadable');
      expect(problem.result).toBe('durch Verwaltungshandeln erledigt');
      expect(problem.detail).toMatch(/durch Verwaltungshandeln erledigt/);
    });

    it.each<[string, (d: ReturnType<typeof kreisUnnaOparl>) => void]>([
      ['oparl-authoritative-consultation-missing', (d) => (d.consultations[1].authoritative = false)],
      [
        'oparl-agenda-item-mismatch',
        (d) => (d.agendaItem.id = 'https://oparl.kreis-unna.example/oparl/bodies/1/agendaitems/1'),
      ],
      ['oparl-type-unexpected', (d) => (d.paper.type = 'https://schema.oparl.org/1.1/File')],
      ['oparl-paper-reference-missing', (d) => delete d.paper.reference],
      ['oparl-date-unreadable', (d) => (d.agendaItem.start = '28.02.2012 15:40')],
      ['oparl-result-not-final', (d) => (d.agendaItem.result = 'vertagt')],
      // The manual form's limits hold for an import: reference 100, title 500, committee 300.
      ['oparl-field-too-long', (d) => (d.paper.reference = 'DS '.padEnd(101, '0'))],
      ['oparl-field-too-long', (d) => (d.paper.name = 'M'.repeat(501))],
      ['oparl-field-too-long', (d) => ((d.organizations as { name: string }[])[2].name = 'K'.repeat(301))],
    ])('refuses an OParl import with %s', (code, change) => {
      const documents = kreisUnnaOparl();
      change(documents);
      return refused(() => importUnna(documents), 422, code);
    });

    it('refuses a correction that changes nothing, and one by another member', async () => {
      await importUnna().expect(201);
      await recordOberhausen().expect(201);
      await refused(
        () =>
          api.http
            .post('/council-resolutions/kkz-2011.05119000.05119000/corrections')
            .set(as.oberhausen)
            .send({ ...oberhausenRecordBody(), reason: 'Tippfehler' }),
        422,
        'correction-without-change',
      );
      await refused(
        () =>
          api.http
            .post('/council-resolutions/kkz-2011.05978000.05978000/corrections')
            .set(as.kamen)
            .send({ ...kamenBody(), reason: 'falscher Beschluss' }),
        403,
        'not-resolution-owner',
      );
    });

    it('refuses bad input with 400, never 500', async () => {
      const post = (body: object) => () =>
        api.http
          .post(`/expressions-of-interest/${OBERHAUSEN_EOI}/council-resolutions`)
          .set(as.oberhausen)
          .send(body);
      await refused(post({ ...oberhausenRecordBody(), mayorsFavourite: true }), 400, 'validation-failed');
      await refused(post({ ...oberhausenRecordBody(), resultDate: '9999-12-31' }), 400, 'validation-failed');
      await refused(post({ ...oberhausenRecordBody(), result: 'ja' }), 400, 'validation-failed');
      await refused(
        post({ ...oberhausenRecordBody(), signOffs: [{ role: 'pope', name: 'X', date: '2012-04-01' }] }),
        400,
        'validation-failed',
      );
      await refused(
        () =>
          api.http
            .post(`/expressions-of-interest/${UNNA_EOI}/council-resolutions/oparl`)
            .set(as.unna)
            .send({ paper: 'DS 018/12', agendaItem: {} }),
        400,
        'validation-failed',
      );
      await refused(() => api.http.get('/council-resolutions/a..b').set(as.office), 400, 'invalid-id');
    });
  });

  describe('Dortmund, taking no part in the application, learns nothing of it', () => {
    beforeEach(async () => {
      await importUnna().expect(201);
    });

    it('answers 404 to every route, writing nothing', async () => {
      await refused(
        () =>
          api.http
            .post(`/expressions-of-interest/${UNNA_EOI}/council-resolutions`)
            .set(as.dortmund)
            .send(oberhausenRecordBody()),
        404,
        'not-found',
      );
      await refused(
        () =>
          api.http
            .post(`/expressions-of-interest/${UNNA_EOI}/council-resolutions/oparl`)
            .set(as.dortmund)
            .send(kreisUnnaOparl()),
        404,
        'not-found',
      );
      await refused(
        () =>
          api.http
            .post('/council-resolutions/kkz-2011.05978000.05978000/corrections')
            .set(as.dortmund)
            .send({ ...oberhausenRecordBody(), reason: 'Versuch' }),
        404,
        'not-found',
      );
      await refused(
        () => api.http.get('/council-resolutions/kkz-2011.05978000.05978000').set(as.dortmund),
        404,
        'not-found',
      );
      await refused(
        () => api.http.get(`/expressions-of-interest/${UNNA_EOI}/council-resolutions`).set(as.dortmund),
        404,
        'not-found',
      );
    });

    it('answers 404 to Oberhausen for an expression of interest that does not exist', () =>
      refused(
        () =>
          api.http
            .post('/expressions-of-interest/kkz-2011.05913000/council-resolutions')
            .set(as.oberhausen)
            .send(oberhausenRecordBody()),
        404,
        'not-found',
      ));
  });
});
