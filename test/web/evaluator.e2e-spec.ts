import { EVALUATION_CRITERIA_2018 } from '@app/shared';
import type { Browser } from 'playwright-core';
import { DORTMUND, PROGRAMME } from '../support/fixtures';
import { appendGrantNotice, INSIDE, PHASE_ONE, PHASE_TWO, SURVEY } from '../support/evaluation-survey';
import { adoptTerms2011, bearer } from '../support/test-api';
import {
  axe,
  chromiumMissing,
  launchChromium,
  openTab,
  printAxeSummary,
  screenshot,
  signIn,
  startWeb,
  type WebWorld,
} from './harness';

jest.setTimeout(180_000);
const missing = chromiumMissing();
if (missing) console.warn(`web workspace, evaluator: ${missing}`);
const describeInChromium = missing ? describe.skip : describe;

describeInChromium('web workspace: the evaluator starts with the evaluations and the survey results', () => {
  let world: WebWorld;
  let browser: Browser;

  beforeAll(async () => {
    world = await startWeb({ now: '2017-11-20T09:00:00.000Z' });
    const { api } = world;
    const office = bearer(await api.token('grants-office'));
    await api.http.post('/programmes').set(office).send(PROGRAMME).expect(201);
    // The 2011 terms name the phases: phase-1 "Förderphase I", phase-2 "Förderphase II".
    await adoptTerms2011(api, office);
    for (const ags of Object.values(PHASE_ONE)) await appendGrantNotice(api.store, ags, 1);
    await appendGrantNotice(api.store, PHASE_TWO.koeln, 2);
    await api.http
      .post('/evaluations')
      .set(office)
      .send({
        evaluationId: 'kkz-evaluation',
        programmeId: 'kkz',
        title: 'Evaluation Präventionsketten 2011–2018',
        criteria: EVALUATION_CRITERIA_2018,
      })
      .expect(201);
    await api.http.post('/evaluations/kkz-evaluation/surveys').set(office).send(SURVEY).expect(201);
    api.clock.set(INSIDE);
    await api.http
      .post(`/surveys/${SURVEY.surveyId}/answers`)
      .set(bearer(await api.token('municipality', DORTMUND)))
      .send({
        answers: [
          { questionId: 'networks', step: 'largely' },
          { questionId: 'coordination', step: 'partly' },
        ],
      })
      .expect(201);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    printAxeSummary('evaluator');
    await browser?.close();
    await world?.close();
  });

  it('lands on the evaluations, opens the survey and reads its response rate and answers', async () => {
    const tab = await openTab(browser, world);
    const { page } = tab;
    await signIn(tab, world, 'Evaluation');
    expect(new URL(page.url()).pathname).toBe('/start');
    await page.getByRole('heading', { name: 'Evaluation', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Evaluation Präventionsketten 2011–2018' }).waitFor();
    expect(await axe(page, 'Evaluation (Start)')).toEqual([]);
    await screenshot(page, 'evaluation');

    await page.getByRole('link', { name: SURVEY.title }).click();
    await page.getByRole('heading', { name: `Ergebnisse: ${SURVEY.title}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/auswertung/befragungen/${SURVEY.surveyId}`);
    await page.getByText('1 von 19 (5 %)', { exact: true }).waitFor();
    const networks = page.getByRole('table', { name: `Antworten auf: ${SURVEY.questions[0].text}` });
    // Each step by its label on the survey's own scale.
    await networks.getByRole('row', { name: /weitgehend 1 100 %/ }).waitFor();
    // Per phase, each by the name the programme's terms give it (Köln joined in phase II).
    const byPhase = page.getByRole('table', { name: `Nach Phase: ${SURVEY.questions[1].text}` });
    await byPhase.getByRole('row', { name: /^Förderphase I 18 1 \(6 %\)/ }).waitFor();
    await byPhase.getByRole('row', { name: /^Förderphase II 1 0 \(0 %\)/ }).waitFor();
    expect(await page.getByText(/phase-\d/).count()).toBe(0);
    expect(await axe(page, 'Ergebnisse der Befragung')).toEqual([]);

    expect(tab.external).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });

  it('shows a refusal as two sentences: its title, then what was wrong', async () => {
    const tab = await openTab(browser, world);
    const { page } = tab;
    await signIn(tab, world, 'Evaluation');
    await page.goto(`${world.url}/auswertung/befragungen/no-such-survey`);
    const alert = page.getByRole('alert').filter({ hasText: 'no-such-survey' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^Nicht gefunden\. \S.* no-such-survey wurde nicht gefunden\.$/);
    await tab.context.close();
  });
});
