import type { Browser } from 'playwright-core';
import { TERMS_KKZ } from '@app/shared';
import { BRUECKEN, CALL_2011, DORTMUND, PROGRAMME } from '../support/fixtures';
import { bearer } from '../support/test-api';
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
if (missing) console.warn(`web workspace, grants office: ${missing}`);
const describeInChromium = missing ? describe.skip : describe;

const CRITERIA = [
  { criterionId: 'prevention', title: 'Verbesserung der Lage von Kindern durch Prävention', weight: 3 },
  { criterionId: 'network', title: 'Vernetzung der Akteure', weight: 1 },
];
const EOI = `kkz-2011.${DORTMUND}`;

describeInChromium('web workspace: the grants office decides a submission', () => {
  let world: WebWorld;
  let browser: Browser;

  beforeAll(async () => {
    world = await startWeb({ now: '2011-11-09T09:00:00.000Z' });
    const { api } = world;
    const office = bearer(await api.token('grants-office'));
    const dortmund = bearer(await api.token('municipality', DORTMUND));
    await api.http.post('/programmes').set(office).send(PROGRAMME).expect(201);
    await api.http
      .post('/programmes/kkz/rules')
      .set(office)
      .send({ version: 1, effectiveFrom: '2011-11-09', rules: TERMS_KKZ })
      .expect(201);
    // A second version, in force after the submission: the office corrects the submission to it.
    await api.http
      .post('/programmes/kkz/rules')
      .set(office)
      .send({
        version: 2,
        effectiveFrom: '2011-12-20',
        label: 'Förderrichtlinie, Fassung Dezember',
        rules: TERMS_KKZ,
      })
      .expect(201);
    await api.http
      .post('/programmes/kkz/calls')
      .set(office)
      .send({ ...CALL_2011, assessmentCriteria: CRITERIA })
      .expect(201);
    await api.http.post('/calls/kkz-2011/publish').set(office).expect(200);
    await api.http.post('/calls/kkz-2011/expressions-of-interest').set(dortmund).send(BRUECKEN).expect(201);
    api.clock.set('2011-12-14T10:00:00.000Z');
    await api.http.post(`/expressions-of-interest/${EOI}/submit`).set(dortmund).expect(200);
    api.clock.set('2012-01-16T09:00:00.000Z');
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    printAxeSummary('grants office');
    await browser?.close();
    await world?.close();
  });

  it('signs in, finds the submission among the tasks, checks, scores and selects it', async () => {
    const tab = await openTab(browser, world);
    const { page } = tab;
    await page.goto(`${world.url}/aufgaben`);
    // Not signed in: the bookmarked page sends the person to the sign-in page and back.
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    expect(await axe(page, 'Anmelden')).toEqual([]);
    await screenshot(page, 'anmelden');
    await page.getByLabel('Bewilligungsstelle', { exact: true }).check();
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByRole('heading', { name: 'Aufgaben' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/aufgaben');
    await page.getByRole('link', { name: /Einreichungen prüfen, bewerten, entscheiden \(1\)/ }).waitFor();
    await page.getByRole('link', { name: 'Dortmund' }).waitFor();
    expect(await axe(page, 'Aufgaben')).toEqual([]);
    await screenshot(page, 'aufgaben');

    // The search narrows the list and stays in the URL.
    await page.getByLabel('Aufgaben durchsuchen').fill('Unna');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.waitForURL(/suche=Unna/);
    // The URL changes before the narrowed list arrives: wait for the list, not for the URL.
    await page.getByRole('link', { name: 'Dortmund' }).waitFor({ state: 'detached' });
    await page.getByLabel('Aufgaben durchsuchen').fill('Dortmund');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('link', { name: 'Dortmund' }).click();

    await page.getByRole('heading', { name: 'Einreichung: Dortmund' }).waitFor();
    expect(page.url()).toBe(`${world.url}/auswahl/${EOI}`);
    await page.getByText('Brücken für Familien').waitFor();
    // The terms it is decided under, and their correction with a reason the record keeps.
    await page.getByText('Entschieden wird nach Fassung 1 (gültig ab 09.11.2011).').waitFor();
    await page.getByText('Förderbedingungen berichtigen').click();
    await page.getByLabel('Maßgebliche Fassung').selectOption('2');
    await page
      .getByLabel('Begründung der Berichtigung')
      .fill('Fassung 2 galt nach dem Erlass bereits bei Einreichung.');
    await page.getByRole('button', { name: 'Berichtigung erfassen' }).click();
    await page.getByText('Die Berichtigung ist erfasst.').waitFor();
    await page
      .getByText(
        'Entschieden wird nach Fassung 2 „Förderrichtlinie, Fassung Dezember“ (gültig ab 20.12.2011).',
      )
      .waitFor();
    await page.getByText(/Begründung: Fassung 2 galt nach dem Erlass bereits bei Einreichung\./).waitFor();
    await page.getByRole('button', { name: 'Formale Prüfung erfassen' }).click();
    await page.getByText('Die formale Prüfung ist erfasst.').waitFor();
    await page.getByText(/^Bestanden am/).waitFor();

    await page.getByLabel(/Verbesserung der Lage von Kindern/).fill('8');
    await page.getByLabel(/Vernetzung der Akteure/).fill('6');
    await page.getByRole('button', { name: 'Bewertung speichern' }).click();
    await page.getByText('Ihre Bewertung ist erfasst.').waitFor();
    expect(await axe(page, 'Einreichung (Bewertung, Entscheidung)')).toEqual([]);
    await screenshot(page, 'einreichung');

    await page.getByLabel('ausgewählt').check();
    await page.getByLabel('Begründung', { exact: true }).fill('Überzeugendes Konzept für Familien');
    await page.getByRole('button', { name: 'Entscheidung erfassen' }).click();
    await page.getByText('Die Entscheidung ist erfasst.').waitFor();
    await page.getByText(/Überzeugendes Konzept für Familien/).waitFor();
    // The cross-section of the selection so far, by the dimensions the 2011 call names.
    const byType = page.getByRole('table', { name: 'Nach Art der Kommune' });
    await byType.getByRole('row', { name: 'kreisfreie Stadt 1 1' }).waitFor();

    // The effect is real: the API's selection says so.
    const office = bearer(await world.api.token('grants-office'));
    const selection = await world.api.http
      .get(`/expressions-of-interest/${EOI}/selection`)
      .set(office)
      .expect(200);
    expect(selection.body.stage).toBe('selected');
    expect(selection.body.decision.reasons).toContain('Überzeugendes Konzept für Familien');
    expect(selection.body.assessments).toHaveLength(1);
    expect(selection.body.decision.rules).toEqual({ version: 2, effectiveFrom: '2011-12-20' });

    // The task is done: it has left the worklist. A reload of the bookmark keeps the session.
    await page.goto(`${world.url}/aufgaben`);
    await page.getByRole('link', { name: /Einreichungen prüfen, bewerten, entscheiden \(0\)/ }).waitFor();
    await page.getByRole('link', { name: /Versäumte Fristen/ }).click();
    await page.getByRole('table', { name: 'Versäumte Fristen' }).waitFor();
    expect(await axe(page, 'Aufgaben: versäumte Fristen')).toEqual([]);

    await page.getByRole('link', { name: 'Zuwendungen' }).click();
    await page.getByRole('heading', { name: 'Zuwendungen' }).waitFor();
    expect(await axe(page, 'Zuwendungen')).toEqual([]);

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByText('Sie haben sich abgemeldet.').waitFor();
    expect(tab.external).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });

  it('takes a person whose token was refused back to the sign-in page, with a message', async () => {
    const tab = await openTab(browser, world);
    const { page } = tab;
    await signIn(tab, world, 'Bewilligungsstelle');
    // The token goes bad (e.g. revoked, or signed with a rotated secret). It is changed on a page of
    // the same origin that runs none of the workspace's code: a workspace page left open would
    // refetch with the bad token and navigate to the sign-in page itself, racing the navigation below.
    await page.goto(`${world.url}/health/live`);
    await page.evaluate(`(() => {
      const raw = JSON.parse(sessionStorage.getItem('kkz.session'));
      sessionStorage.setItem('kkz.session', JSON.stringify({ ...raw, token: raw.token + 'x' }));
    })()`);
    // The page sends the person on to the sign-in page as soon as the API refuses the token, which
    // may be before the first page has finished loading: wait only until it starts to load.
    await page.goto(`${world.url}/zuwendungen`, { waitUntil: 'commit' });
    await page.getByText('Sie sind nicht (mehr) angemeldet. Bitte melden Sie sich erneut an.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    await tab.context.close();
  });
});
