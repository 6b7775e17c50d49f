import type { Browser } from 'playwright-core';
import { TERMS_KKZ } from '@app/shared';
import { CALL_2011, DORTMUND, OBERHAUSEN, PROGRAMME } from '../support/fixtures';
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
if (missing) console.warn(`web workspace, municipality: ${missing}`);
const describeInChromium = missing ? describe.skip : describe;

const EOI = `kkz-2011.${DORTMUND}`;

describeInChromium('web workspace: a municipality drafts and submits an expression of interest', () => {
  let world: WebWorld;
  let browser: Browser;

  beforeAll(async () => {
    world = await startWeb({ now: '2011-11-09T09:00:00.000Z' });
    const { api } = world;
    const office = bearer(await api.token('grants-office'));
    await api.http.post('/programmes').set(office).send(PROGRAMME).expect(201);
    await api.http
      .post('/programmes/kkz/rules')
      .set(office)
      .send({ version: 1, effectiveFrom: '2011-11-09', rules: TERMS_KKZ })
      .expect(201);
    await api.http.post('/programmes/kkz/calls').set(office).send(CALL_2011).expect(201);
    await api.http.post('/calls/kkz-2011/publish').set(office).expect(200);
    api.clock.set('2011-11-20T09:00:00.000Z');
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    printAxeSummary('municipality');
    await browser?.close();
    await world?.close();
  });

  it('opens the call, sees each refusal next to its field, fixes them and submits', async () => {
    const tab = await openTab(browser, world);
    const { page } = tab;
    await signIn(tab, world, 'Kommune', 'Dortmund (kreisfreie Stadt)');
    await page.getByRole('heading', { name: 'Offene Aufrufe' }).waitFor();
    await page.getByText('Dortmund', { exact: false }).first().waitFor();
    await page.getByRole('heading', { name: CALL_2011.title }).waitFor();
    expect(await axe(page, 'Offene Aufrufe')).toEqual([]);
    await screenshot(page, 'aufrufe');

    await page.getByRole('button', { name: 'Interessenbekundung anlegen' }).click();
    await page.waitForURL(`${world.url}/interessenbekundungen/${EOI}`);
    await page.getByLabel('Motto').fill('Kein Kind zurücklassen in Dortmund');
    await page.getByLabel('Ziele').fill('Kinderarmut früh begegnen');
    await page.getByRole('button', { name: 'Speichern und einreichen' }).click();

    // What is missing is said at each field, tied to it for screen readers.
    const activities = page.getByLabel('Bestehende Aktivitäten');
    await page.getByText('Bitte ausfüllen: Diese Angabe fehlt für die Einreichung.').first().waitFor();
    expect(await activities.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await activities.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toMatch(/Diese Angabe fehlt/);
    expect(await page.getByLabel('Ziele').getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('alert').filter({ hasText: 'es fehlt' }).waitFor();
    expect(await axe(page, 'Interessenbekundung mit Fehlern')).toEqual([]);
    await screenshot(page, 'interessenbekundung-fehler');

    await activities.fill('Netzwerk Frühe Hilfen seit 2008');
    await page.getByLabel('Maßnahmen').fill('Familienbüros in allen Stadtbezirken');
    await page.getByLabel('Erfolgskriterien').fill('Mehr Familien erreichen die Angebote');
    await page.getByLabel('Nächste Schritte').fill('Ratsbeschluss nach der Auswahl');
    await page.getByLabel('Eigenanteil in €').fill('40000');
    await page.getByLabel('Stand des Beschlusses').selectOption('promised');
    await page.getByRole('button', { name: 'Speichern und einreichen' }).click();
    // The call requires a coordinator: the API's sentence appears at that field.
    const coordinator = page.getByLabel('Koordinierungsstelle oder Name');
    await page
      .locator('.field-error', { hasText: 'Koordinatorin oder einen benannten Koordinator' })
      .waitFor();
    expect(await coordinator.getAttribute('aria-invalid')).toBe('true');

    await coordinator.fill('Jugendamt Dortmund, Koordinierungsstelle');
    await page.getByRole('button', { name: 'Speichern und einreichen' }).click();
    await page.getByText('Die Interessenbekundung ist eingereicht.').waitFor();
    await page.getByText('eingereicht', { exact: true }).waitFor();

    const dortmund = bearer(await world.api.token('municipality', DORTMUND));
    const stored = await world.api.http.get(`/expressions-of-interest/${EOI}`).set(dortmund).expect(200);
    expect(stored.body.status).toBe('submitted');
    expect(stored.body.content.coordinator.name).toBe('Jugendamt Dortmund, Koordinierungsstelle');
    expect(stored.body.content.financialPlan.ownContributionEur).toBe(40000);

    await page.getByRole('link', { name: 'Meine Interessenbekundungen', exact: true }).click();
    await page.getByRole('link', { name: 'Kein Kind zurücklassen in Dortmund' }).waitFor();
    expect(await axe(page, 'Meine Interessenbekundungen')).toEqual([]);

    await page.getByRole('link', { name: 'Meine Fristen' }).click();
    await page.getByRole('heading', { name: 'Meine Fristen' }).waitFor();
    await page.getByRole('button', { name: 'Kalender-Abonnement (iCal) einrichten' }).click();
    const feed = page.getByRole('link', { name: 'Fristen im eigenen Kalender abonnieren' });
    await feed.waitFor();
    const href = (await feed.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^${world.url}/calendar/${DORTMUND}/[^/]+\\.ics$`));
    const ics = await world.api.http.get(new URL(href).pathname).expect(200);
    expect(ics.text).toContain('BEGIN:VCALENDAR');
    await page.getByRole('table', { name: /Fristen/ }).waitFor();
    expect(await axe(page, 'Meine Fristen')).toEqual([]);
    await screenshot(page, 'fristen');

    await page.getByRole('link', { name: 'Posteingang' }).click();
    await page.getByRole('heading', { name: 'Posteingang' }).waitFor();
    await page.getByText(/ungelesen von/).waitFor();
    expect(await axe(page, 'Posteingang')).toEqual([]);
    expect(tab.external).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });

  it("does not show another municipality's expression of interest", async () => {
    const tab = await openTab(browser, world);
    const { page } = tab;
    await signIn(tab, world, 'Kommune', 'Oberhausen (kreisfreie Stadt)');
    await page.goto(`${world.url}/interessenbekundungen/${EOI}`);
    await page
      .getByRole('alert')
      .filter({ hasText: /nicht gefunden/ })
      .waitFor();
    expect(await page.getByLabel('Motto').count()).toBe(0);
    expect(OBERHAUSEN).not.toBe(DORTMUND);
    await tab.context.close();
  });
});
