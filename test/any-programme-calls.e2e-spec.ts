import { randomUUID } from 'node:crypto';
import { DeadlineWorker } from '@app/deadlines';
import { DEFAULT_REGISTRY_FILE, SimulatedClock } from '@app/shared';
import {
  CALL_TERMS_DBL as CALL_TERMS,
  checkAndAssessDbl,
  EOI_DBL as EOI,
  PROGRAMME_DBL as PROGRAMME,
  TERMS_DBL as TERMS,
} from './support/dbl-programme';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { eventually, removeQueueKeys } from './support/waiting';

/**
 * A programme that is not the 2011 one, "Digitale Bildungslandschaften NRW 2026", from its call to
 * the selection, over HTTP only, with the deadline manager on a simulated clock and real BullMQ:
 * kreisangehörige Gemeinden and Kreise of the official registry; a call closing on Sunday
 * 15 March 2026 under the statutory shift (§ 31 (3) VwVfG NRW: Monday 16 March); nothing
 * accepted before its opening day; an amendment (cap 12 → 5) and an extension (to Saturday
 * 28 March → Monday 30 March, after the change to summer time), each told to every applicant;
 * 8 submissions, a ranking, and 5 selected within the cap (the 6th refused).
 */
jest.setTimeout(240_000);

const REDIS_URL = 'redis://127.0.0.1:6379/5';
const DAY_MS = 86_400_000;
/** A business day in 1.2 s of wall-clock time. */
const SPEED = DAY_MS / 1200;
const CALL = CALL_TERMS.callId;

/** Eight applicants: kreisangehörige Gemeinden and Kreise, with their populations of 31 Dec 2024. */
const APPLICANTS = {
  holzwickede: '05978016', // Gemeinde, 17,596 → 40,000 €
  boenen: '05978008', // Gemeinde, 17,734
  bedburgHau: '05154004', // Gemeinde, 13,599
  rommerskirchen: '05162028', // Gemeinde, 14,079
  issum: '05154020', // Gemeinde, 12,428
  kreisUnna: '05978000', // Kreis, 393,784 → 150,000 €
  kreisKleve: '05154000', // Kreis, 322,018
  kreisMettmann: '05158000', // Kreis, 490,910
};
const SELM = '05978032'; // a kreisangehörige Stadt: not eligible

describe('any programme: a call of "Digitale Bildungslandschaften NRW 2026" from drafting to selection', () => {
  let api: TestApi;
  let deadlines: DeadlineWorker | undefined;
  const prefix = `kkz-test-any-programme-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    api = await startTestApi({
      now: '2026-01-05T09:00:00.000Z',
      env: { REDIS_URL, MUNICIPALITY_REGISTRY_FILE: DEFAULT_REGISTRY_FILE },
    });
  });

  afterAll(async () => {
    await deadlines?.stop();
    await removeQueueKeys(REDIS_URL, prefix);
    await api?.close();
  });

  it('carries the call through its statutory-shifted closing, an amendment, an extension, submissions and a selection within its cap', async () => {
    const office = bearer(await api.token('grants-office'));
    const as = async (ags: string) => bearer(await api.token('municipality', ags));
    await api.http.post('/programmes').set(office).send(PROGRAMME).expect(201);
    const today = api.clock.now().toISOString().slice(0, 10);
    await api.http
      .post('/programmes/dbl/rules')
      .set(office)
      .send({ version: 1, effectiveFrom: today, label: 'Förderbedingungen 2026', rules: TERMS })
      .expect(201);
    await api.http.post('/programmes/dbl/calls').set(office).send(CALL_TERMS).expect(201);

    // Sunday 15 March 2026 moves to Monday 16 March, 24:00 Berlin (CET).
    const drafted = await api.http.get(`/calls/${CALL}`).set(office).expect(200);
    expect(drafted.body).toMatchObject({
      closing: { date: '2026-03-15', rule: 'statutory-shift', lastDay: '2026-03-16', holidayRegion: 'NW' },
      closingDate: '2026-03-15',
      closesAt: '2026-03-16T23:00:00.000Z',
      opensOn: '2026-01-12',
      phaseId: 'aufbau',
      budgetCents: 120_000_000,
    });
    await api.http.post(`/calls/${CALL}/publish`).set(office).expect(200);

    // Nothing is accepted before the opening day: refused in German, nothing written.
    const holzwickede = await as(APPLICANTS.holzwickede);
    const before = await api.store.headPosition();
    const early = await api.http
      .post(`/calls/${CALL}/expressions-of-interest`)
      .set(holzwickede)
      .send(EOI)
      .expect(422);
    expect(early.body).toMatchObject({ code: 'call-not-open-yet' });
    expect(early.body.detail).toMatch(/öffnet erst am 12\.01\.2026/);
    expect(await api.store.headPosition()).toBe(before);

    // A kreisangehörige Stadt is not among the eligible types.
    api.clock.set('2026-01-12T08:00:00.000Z');
    const selm = await api.http
      .post(`/calls/${CALL}/expressions-of-interest`)
      .set(await as(SELM))
      .send(EOI)
      .expect(422);
    expect(selm.body.code).toBe('applicant-not-eligible');

    // The deadline manager runs from 2 March on a simulated clock; the HTTP clock follows it.
    const clock = new SimulatedClock({ start: '2026-03-02T08:00:00.000Z', speed: SPEED });
    deadlines = new DeadlineWorker({ store: api.store, clock, redisUrl: REDIS_URL, queuePrefix: prefix });
    await deadlines.start();
    clock.set('2026-03-02T08:00:00.000Z');
    const now = () => api.clock.set(clock.now().toISOString());

    const closes = await eventually(
      async () => {
        const res = await api.http.get(`/deadlines/call-closes.${CALL}`).set(office);
        return res.status === 200 ? res.body : undefined;
      },
      20_000,
      'the call-closes deadline',
    );
    expect(closes).toMatchObject({ dueDate: '2026-03-15', dueAt: '2026-03-16T23:00:00.000Z' });

    // The call's own form decides what an answer may be: an unknown field or a wrong type is
    // refused in German, nothing written; a draft may leave required fields open for now.
    const first = holzwickede;
    now();
    const unwritten = await api.store.headPosition();
    const unknown = await api.http
      .post(`/calls/${CALL}/expressions-of-interest`)
      .set(first)
      .send({ ...EOI, answers: { ...EOI.answers, motto: 'Brücken für Familien' } })
      .expect(400);
    expect(unknown.body).toMatchObject({ code: 'form-field-unknown' });
    expect(unknown.body.detail).toBe(
      'Das Formular dieses Aufrufs hat kein Feld „motto“; seine Felder: schools, concept.',
    );
    const typed = await api.http
      .post(`/calls/${CALL}/expressions-of-interest`)
      .set(first)
      .send({ ...EOI, answers: { schools: 'vierzehn' } })
      .expect(400);
    expect(typed.body).toMatchObject({ code: 'form-answer-invalid' });
    expect(typed.body.detail).toBe(
      'Die Angabe im Feld „Beteiligte Schulen“ passt nicht: erwartet wird eine Zahl.',
    );
    expect(await api.store.headPosition()).toBe(unwritten);
    await api.http
      .post(`/calls/${CALL}/expressions-of-interest`)
      .set(first)
      .send({ ...EOI, answers: { schools: 14 } })
      .expect(201);
    const incomplete = await api.http
      .post(`/expressions-of-interest/${CALL}.${APPLICANTS.holzwickede}/submit`)
      .set(first)
      .expect(422);
    expect(incomplete.body).toMatchObject({
      code: 'expression-of-interest-incomplete',
      missing: ['concept'],
    });
    expect(incomplete.body.detail).toBe(
      'Die Interessensbekundung kann noch nicht eingereicht werden; es fehlt: Medienkonzept.',
    );
    await api.http
      .put(`/expressions-of-interest/${CALL}.${APPLICANTS.holzwickede}`)
      .set(first)
      .send(EOI)
      .expect(200);

    // The other seven draft.
    for (const ags of Object.values(APPLICANTS).filter((a) => a !== APPLICANTS.holzwickede)) {
      now();
      await api.http
        .post(`/calls/${CALL}/expressions-of-interest`)
        .set(await as(ags))
        .send(EOI)
        .expect(201);
    }

    // The office amends the call: at most 5 participants, with its reason.
    now();
    await api.http
      .post(`/calls/${CALL}/amendments`)
      .set(office)
      .send({
        changes: { participants: { min: 3, max: 5 } },
        reason: 'Haushaltssperre: höchstens fünf Kommunen',
      })
      .expect(201);

    // And extends the closing to Saturday 28 March: Monday 30 March, 24:00 Berlin (now CEST).
    now();
    await api.http
      .post(`/calls/${CALL}/closing-extensions`)
      .set(office)
      .send({
        closing: { date: '2026-03-28', rule: 'statutory-shift' },
        reason: 'Verlängert wegen der Osterferien',
      })
      .expect(201);
    const amended = await api.http.get(`/calls/${CALL}`).set(office).expect(200);
    expect(amended.body).toMatchObject({
      participants: { min: 3, max: 5 },
      closing: { date: '2026-03-28', lastDay: '2026-03-30', rule: 'statutory-shift' },
      closesAt: '2026-03-30T22:00:00.000Z',
      amendments: [{ changed: ['participants'], reason: 'Haushaltssperre: höchstens fünf Kommunen' }],
      closingExtensions: [
        {
          previousClosesAt: '2026-03-16T23:00:00.000Z',
          closesAt: '2026-03-30T22:00:00.000Z',
          reason: 'Verlängert wegen der Osterferien',
        },
      ],
    });

    // The call-closes deadline follows, and every municipality that drafted is told.
    await eventually(
      async () =>
        (await api.http.get(`/deadlines/call-closes.${CALL}`).set(office).expect(200)).body.dueAt ===
        '2026-03-30T22:00:00.000Z',
      20_000,
      'the deadline to follow the extension',
    );
    for (const ags of Object.values(APPLICANTS)) {
      const token = await as(ags);
      const headlines = await eventually(
        async () => {
          const items = (await api.http.get('/inbox').set(token).expect(200)).body.items as {
            headline: string;
          }[];
          const told = items.map((i) => i.headline).filter((h) => h.startsWith('Frist verlängert'));
          return told.length > 0 ? told : undefined;
        },
        20_000,
        `the extension in the inbox of ${ags}`,
      );
      expect(headlines).toEqual([
        'Frist verlängert: Einreichung zum Aufruf „Digitale Bildungslandschaften NRW 2026“ – neues Fristende Montag, 30. März 2026',
      ]);
      // The amendment before it reached every drafter too, with what changed and why.
      const items = (await api.http.get('/inbox').set(token).expect(200)).body.items as {
        headline: string;
        text: string;
      }[];
      const amendment = items.filter((i) => i.headline.startsWith('Aufruf geändert'));
      expect(amendment.map((i) => i.headline)).toEqual([
        'Aufruf geändert: Einreichung zum Aufruf „Digitale Bildungslandschaften NRW 2026“ – Frist unverändert bis Montag, 16. März 2026',
      ]);
      expect(amendment[0].text).toContain(
        'Geändert: Zahl der Teilnehmenden. Grund: Haushaltssperre: höchstens fünf Kommunen',
      );
      expect(amendment[0].text).toContain(
        'aus dem Fristenmanagement des Förderprogramms „Digitale Bildungslandschaften NRW 2026“',
      );
    }
    // Another municipality is told nothing.
    const selmInbox = (
      await api.http
        .get('/inbox')
        .set(await as(SELM))
        .expect(200)
    ).body.items;
    expect(selmInbox).toEqual([]);

    // All eight submit before the new closing (after the original one has passed, if the clock is there).
    for (const ags of Object.values(APPLICANTS)) {
      now();
      await api.http
        .post(`/expressions-of-interest/${CALL}.${ags}/submit`)
        .set(await as(ags))
        .expect((res) => expect([res.status, res.body.code]).toEqual([200, undefined]));
    }

    // The closing fires at 24:00 on Monday 30 March.
    await eventually(
      async () => (await api.http.get(`/calls/${CALL}`).set(office).expect(200)).body.status === 'closed',
      120_000,
      'the call to close',
    );
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-30T22:00:00.000Z'));
    await deadlines.stop();
    deadlines = undefined;

    // Selection: formal checks, one assessment each, the ranking by weighted score.
    api.clock.set('2026-04-08T09:00:00.000Z');
    const scoresOf: Record<string, [number, number]> = {
      [APPLICANTS.kreisUnna]: [9, 8], // 8.6
      [APPLICANTS.holzwickede]: [9, 7], // 8.2
      [APPLICANTS.kreisKleve]: [8, 8], // 8.0
      [APPLICANTS.boenen]: [8, 6], // 7.2
      [APPLICANTS.bedburgHau]: [7, 7], // 7.0
      [APPLICANTS.kreisMettmann]: [6, 7], // 6.4
      [APPLICANTS.rommerskirchen]: [6, 5], // 5.6
      [APPLICANTS.issum]: [4, 5], // 4.4
    };
    for (const [ags, scores] of Object.entries(scoresOf))
      await checkAndAssessDbl(api.http, office, `${CALL}.${ags}`, scores);
    const evaluator = bearer(await api.token('evaluator'));
    const ranking = await api.http.get(`/calls/${CALL}/ranking`).set(evaluator).expect(200);
    expect(ranking.body).toMatchObject({ callId: CALL, participants: { max: 5 }, budgetCents: 120_000_000 });
    const ranked = ranking.body.entries as { rank: number; applicationId: string; withinCap: boolean }[];
    expect(ranked.map((e) => e.applicationId)).toEqual(Object.keys(scoresOf).map((ags) => `${CALL}.${ags}`));
    expect(ranked.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ranked.map((e) => e.withinCap)).toEqual([true, true, true, true, true, false, false, false]);
    await api.http
      .get(`/calls/${CALL}/ranking`)
      .set(await as(APPLICANTS.issum))
      .expect(403);

    // The five best are selected, with the amounts of their tiers (Gemeinden 40,000 €, Kreise 150,000 €).
    const decide = (ags: string, body: object) =>
      api.http.post(`/expressions-of-interest/${CALL}.${ags}/decision`).set(office).send(body);
    const top = ranked.slice(0, 5).map((e) => e.applicationId.split('.')[1]);
    for (const ags of top)
      await decide(ags, { outcome: 'selected', reasons: ['Rang innerhalb der Obergrenze'] }).expect(201);

    // A sixth is refused: participant-cap-reached, in German, nothing written.
    const sixth = ranked[5].applicationId.split('.')[1];
    const head = await api.store.headPosition();
    const refused = await decide(sixth, { outcome: 'selected', reasons: ['Nachrücker'] }).expect(422);
    expect(refused.body).toMatchObject({ code: 'participant-cap-reached' });
    expect(refused.body.detail).toMatch(/höchstens 5 Teilnehmende zu, 5 sind bereits ausgewählt/);
    expect(await api.store.headPosition()).toBe(head);
    for (const e of ranked.slice(5))
      await decide(e.applicationId.split('.')[1], {
        outcome: 'rejected',
        reasons: ['Rang außerhalb der Obergrenze'],
      }).expect(201);

    const selection = await api.http.get(`/calls/${CALL}/selection`).set(office).expect(200);
    // Kreis Unna and Kreis Kleve 150,000 €, Holzwickede, Bönen and Bedburg-Hau 40,000 € each.
    expect(selection.body).toMatchObject({ candidates: 8, selected: 5, selectedAmountCents: 42_000_000 });

    const cross = await api.http.get(`/calls/${CALL}/selection/cross-section`).set(office).expect(200);
    expect(cross.body).toMatchObject({
      dimensions: ['municipality-type', 'population-band'],
      byMunicipalityType: [
        { value: 'kreisangehoerige-gemeinde', candidates: 5, selected: 3 },
        { value: 'kreis', candidates: 3, selected: 2 },
      ],
      byPopulationBand: [
        { value: 'under-30k', candidates: 5, selected: 3 },
        { value: '30k-150k', candidates: 0, selected: 0 },
        { value: 'over-150k', candidates: 3, selected: 2 },
      ],
    });
    expect(cross.body).not.toHaveProperty('byRegierungsbezirk');
  });
});
