import type { Browser } from 'playwright-core';
import { TERMS_KKZ } from '@app/shared';
import { CALL_2011, KREIS_UNNA, PROGRAMME } from '../support/fixtures';
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

jest.setTimeout(240_000);
const missing = chromiumMissing();
if (missing) console.warn(`web workspace, joint application: ${missing}`);
const describeInChromium = missing ? describe.skip : describe;

const EOI = `kkz-2011.${KREIS_UNNA}`;
const KAMEN = '05978020';
const LUENEN = '05978024';

describeInChromium('web workspace: a joint application and its council resolution', () => {
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
  }, 240_000);
  afterAll(async () => {
    printAxeSummary('joint application');
    await browser?.close();
    await world?.close();
  });

  it('the lead invites two cities; one confirms, one declines with a reason; the lead sees both by name', async () => {
    const lead = await openTab(browser, world);
    await signIn(lead, world, 'Kommune', 'Kreis Unna (Kreis)');
    await lead.page.getByRole('button', { name: 'Interessenbekundung anlegen' }).click();
    await lead.page.waitForURL(`${world.url}/interessenbekundungen/${EOI}`);
    await lead.page.getByLabel('Motto').fill('Präventionskette Kreis Unna');
    await lead.page.getByLabel('Mitgliedskommunen (Amtlicher Gemeindeschlüssel)').fill(`${KAMEN}, ${LUENEN}`);
    await lead.page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await lead.page.getByText('Der Entwurf ist gespeichert.').waitFor();
    const invited = lead.page.getByRole('table', { name: 'Eingeladene Kommunen' });
    await invited.getByRole('cell', { name: 'Kamen' }).waitFor();
    await invited.getByRole('cell', { name: 'Lünen' }).waitFor();
    expect(await invited.getByText('eingeladen – Antwort offen').count()).toBe(2);

    const kamen = await openTab(browser, world);
    await signIn(kamen, world, 'Kommune', 'Kamen (kreisangehörige Stadt)');
    await kamen.page.getByRole('link', { name: 'Einladungen' }).click();
    await kamen.page.getByRole('heading', { name: 'Kreis Unna: „Präventionskette Kreis Unna“' }).waitFor();
    expect(await axe(kamen.page, 'Einladungen')).toEqual([]);
    await screenshot(kamen.page, 'einladungen');
    await kamen.page.getByRole('button', { name: 'Mitgliedschaft bestätigen' }).click();
    await kamen.page.getByText('Sie haben die Mitgliedschaft bestätigt.').waitFor();
    await kamen.page.getByText('bestätigt', { exact: true }).waitFor();

    const luenen = await openTab(browser, world);
    await signIn(luenen, world, 'Kommune', 'Lünen (kreisangehörige Stadt)');
    await luenen.page.getByRole('link', { name: 'Einladungen' }).click();
    await luenen.page.getByLabel(/Begründung einer Ablehnung/).fill('Der Rat hat die Teilnahme abgelehnt.');
    await luenen.page.getByRole('button', { name: 'Einladung ablehnen' }).click();
    await luenen.page.getByText('Sie haben die Einladung abgelehnt.').waitFor();

    await lead.page.reload();
    const after = lead.page.getByRole('table', { name: 'Eingeladene Kommunen' });
    await after.locator('tr', { hasText: 'Kamen' }).filter({ hasText: 'bestätigt' }).waitFor();
    expect(await after.locator('tr', { hasText: 'Lünen' }).innerText()).toMatch(
      /abgelehnt[\s\S]*Der Rat hat die Teilnahme abgelehnt\./,
    );
    expect(await axe(lead.page, 'Interessenbekundung mit Einladungen')).toEqual([]);

    const stored = await world.api.http
      .get(`/expressions-of-interest/${EOI}`)
      .set(bearer(await world.api.token('municipality', KREIS_UNNA)))
      .expect(200);
    const statuses = Object.fromEntries(
      (stored.body.invitations as { municipality: { ags: string }; status: string }[]).map((i) => [
        i.municipality.ags,
        i.status,
      ]),
    );
    expect(statuses).toEqual({ [KAMEN]: 'confirmed', [LUENEN]: 'declined' });
    for (const tab of [lead, kamen, luenen]) {
      expect(tab.external).toEqual([]);
      expect(tab.errors).toEqual([]);
      await tab.context.close();
    }
  });

  it('records the Kreistag resolution (a refusal at its field first), then corrects it with a reason', async () => {
    const tab = await openTab(browser, world);
    const { page } = tab;
    await signIn(tab, world, 'Kommune', 'Kreis Unna (Kreis)');
    await page.goto(`${world.url}/interessenbekundungen/${EOI}`);
    await page.getByRole('link', { name: 'Rats- oder Kreistagsbeschluss erfassen oder ansehen' }).click();
    await page.getByRole('heading', { name: 'Beschluss erfassen' }).waitFor();
    await page.getByLabel('Drucksachennummer').first().fill('0815/2011');
    await page.getByLabel('Betreff der Drucksache').first().fill('Teilnahme am Landesprogramm');
    await page.getByLabel('Beschlussvorschlag').first().fill('Der Kreistag beschließt die Teilnahme.');
    await page.getByLabel('Beschlossen am').first().fill('2011-11-17');
    // A Kreis decides in its Kreistag, not in a Rat: said at the field "Gremium".
    await page.getByRole('button', { name: 'Beschluss erfassen' }).click();
    const body = page.getByLabel('Gremium', { exact: true }).first();
    await page.locator('.field-invalid', { has: body }).waitFor();
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page, 'Ratsbeschluss mit Fehler')).toEqual([]);
    await screenshot(page, 'ratsbeschluss-fehler');

    await body.selectOption({ label: 'Kreistag' });
    await page.getByRole('button', { name: 'Beschluss erfassen' }).click();
    await page.getByText(/^Kreistag: beschlossen am 17\.11\.2011 \(Drucksache 0815\/2011\)/).waitFor();

    // The correction: a new record with its reason, shown in the list of corrections.
    await page.getByRole('heading', { name: 'Beschluss berichtigen' }).waitFor();
    await page.getByLabel('Gremium', { exact: true }).selectOption({ label: 'Kreistag' });
    await page.getByLabel('Drucksachennummer').fill('0815/2011-1');
    await page.getByLabel('Betreff der Drucksache').fill('Teilnahme am Landesprogramm');
    await page.getByLabel('Beschlussvorschlag').fill('Der Kreistag beschließt die Teilnahme.');
    await page.getByLabel('Beschlossen am').fill('2011-11-17');
    await page.getByLabel('Grund der Berichtigung').fill('Drucksachennummer falsch übertragen');
    await page.getByRole('button', { name: 'Berichtigung erfassen' }).click();
    await page
      .getByRole('table', { name: 'Berichtigungen' })
      .getByRole('cell', { name: 'Drucksachennummer falsch übertragen' })
      .waitFor();
    expect(await axe(page, 'Ratsbeschluss mit Berichtigung')).toEqual([]);

    const stored = await world.api.http
      .get(`/council-resolutions/${EOI}.${KREIS_UNNA}`)
      .set(bearer(await world.api.token('municipality', KREIS_UNNA)))
      .expect(200);
    expect(stored.body.paper.reference).toBe('0815/2011-1');
    expect(stored.body.corrections).toHaveLength(1);
    expect(tab.external).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });
});
