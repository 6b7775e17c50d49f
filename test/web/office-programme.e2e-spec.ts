import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { readPdf } from '@app/documents/testing/pdf-text';
import { BRUECKEN, DORTMUND } from '../support/fixtures';
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

jest.setTimeout(300_000);
const missing = chromiumMissing();
if (missing) console.warn(`web workspace, programme set-up: ${missing}`);
const describeInChromium = missing ? describe.skip : describe;

const TITLE = 'Digitale Bildungslandschaften NRW 2026';
const CALL = 'Aufruf 2026: Bildungsnetzwerke vor Ort';

/** The row group of a repeatable list (e.g. "Quelle 1"), where each row has its own "Name". */
const row = (page: Page, name: RegExp) => page.getByRole('group', { name });

/** Waits for what a step should show; a refusal shown instead fails the test with its words. */
async function shows(page: Page, locator: ReturnType<Page['getByText']>): Promise<void> {
  const refusal = page.locator('.alert-error');
  try {
    await Promise.race([locator.first().waitFor(), refusal.first().waitFor()]);
  } catch (error) {
    // Not shown: say what the page shows instead, and which fields the browser holds back as invalid.
    const invalid = await page
      .locator(':invalid')
      .evaluateAll((nodes) => nodes.map((n) => n.id || n.tagName));
    throw new Error(
      `${(error as Error).message}\ninvalid: ${invalid.join(', ')}\npage: ${await page.innerText('body')}`,
    );
  }
  if (await refusal.count()) throw new Error(`refused: ${(await refusal.allInnerTexts()).join(' | ')}`);
}

describeInChromium('web workspace: the grants office sets up a programme and funds a municipality', () => {
  let world: WebWorld;
  let browser: Browser;

  beforeAll(async () => {
    world = await startWeb({ now: '2026-01-12T09:00:00.000Z' });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    printAxeSummary('grants office, programme set-up');
    await browser?.close();
    await world?.close();
  });

  it('creates a programme, adopts its terms, drafts, publishes and amends a call, selects, issues a notice and pays', async () => {
    const { api } = world;
    const tab = await openTab(browser, world);
    const { page } = tab;
    await signIn(tab, world, 'Bewilligungsstelle');
    await page.getByRole('link', { name: 'Förderportal' }).waitFor();
    expect(await page.title()).toMatch(/– Förderportal$/);

    // A programme: title, sender, holiday region.
    await page.getByRole('link', { name: 'Programme und Aufrufe' }).click();
    await page.getByRole('heading', { name: 'Förderprogramme' }).waitFor();
    expect(await axe(page, 'Förderprogramme')).toEqual([]);
    await page.getByRole('link', { name: 'Programm anlegen' }).click();
    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    await page.getByLabel('Absender der Bescheide und Briefe').fill('Ministerium für Schule und Bildung NRW');
    await page.getByLabel('Feiertage für Fristen').selectOption({ label: 'Nordrhein-Westfalen' });
    expect(await axe(page, 'Programm anlegen')).toEqual([]);
    await page.getByRole('button', { name: 'Programm anlegen' }).click();
    await shows(page, page.getByRole('heading', { name: TITLE, exact: true }));
    const programmeUrl = new URL(page.url()).pathname;
    expect(programmeUrl).toMatch(/^\/foerderprogramme\/[^/]+$/);
    const programmeId = decodeURIComponent(programmeUrl.split('/')[2]);

    // Its terms, as a structured form: sources with shares, reporting, an indicator, a phase.
    await page.getByRole('link', { name: 'Förderbedingungen beschließen' }).click();
    await page.getByRole('heading', { name: /^Förderbedingungen beschließen/ }).waitFor();
    await page.getByLabel('Gültig ab').fill('2026-01-12');
    await page.getByLabel('Bezeichnung').fill('Förderbedingungen 2026');
    const sources = [
      { name: 'ESF', id: 'esf', kind: 'grant', max: '50' },
      { name: 'Land NRW', id: 'land', kind: 'grant', max: '30' },
      { name: 'Eigenmittel', id: 'own', kind: 'own', min: '20' },
    ];
    for (const [i, s] of sources.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Finanzierungsquellen: weitere Zeile' }).click();
      const group = row(page, new RegExp(`^Quelle ${i + 1}`));
      await group.getByLabel('Name').fill(s.name);
      await group.getByLabel('Kürzel').fill(s.id);
      await group.getByLabel('Art').selectOption(s.kind);
      if (s.max) await group.getByLabel('Höchstanteil in %').fill(s.max);
      if (s.min) await group.getByLabel('Mindestanteil in %').fill(s.min);
    }
    await page.getByLabel('Ratsbeschluss').selectOption('may-follow-after-selection');
    await page.getByLabel('Berichtsrhythmus').selectOption('quarterly');
    await page.getByRole('button', { name: 'Indikatoren: weitere Zeile' }).click();
    await row(page, /^Indikator 1/)
      .getByLabel('Name')
      .fill('Schulen angebunden');
    await row(page, /^Indikator 1/)
      .getByLabel('Einheit')
      .fill('Anzahl');
    await row(page, /^Phase 1/)
      .getByLabel('Name')
      .fill('Aufbau');
    await row(page, /^Phase 1/)
      .getByLabel('Dauer (Monate)')
      .fill('18');
    expect(await axe(page, 'Förderbedingungen beschließen')).toEqual([]);
    await screenshot(page, 'foerderbedingungen');
    // By keyboard (a click right after a full-page screenshot can miss in Chromium).
    await page.getByRole('button', { name: 'Förderbedingungen beschließen' }).press('Enter');
    await shows(page, page.getByRole('heading', { name: TITLE, exact: true }));
    await page.getByText(/Version 1 „Förderbedingungen 2026“, gültig ab 12\.01\.2026/).waitFor();
    const terms = await api.http
      .get(`/programmes/${programmeId}/rules`)
      .set(bearer(await api.token('grants-office')))
      .expect(200);
    expect(terms.body.items[0].rules.sources).toEqual([
      { sourceId: 'esf', name: 'ESF', kind: 'grant', maxPercent: 50 },
      { sourceId: 'land', name: 'Land NRW', kind: 'grant', maxPercent: 30 },
      { sourceId: 'own', name: 'Eigenmittel', kind: 'own', minPercent: 20 },
    ]);

    // The reminder ladder of the programme: a bad entry is refused at its field, then 28/14/3 days.
    const ladder = page.getByLabel('Erinnern so viele Tage vor Fristende');
    await ladder.fill('vier Wochen');
    await page.getByRole('button', { name: 'Erinnerungen speichern' }).click();
    await page.getByText('Bitte ganze Tage angeben, durch Komma getrennt, z. B. 28, 14, 3.').waitFor();
    expect(await ladder.getAttribute('aria-invalid')).toBe('true');
    await ladder.fill('28, 14, 3');
    await page.getByRole('button', { name: 'Erinnerungen speichern' }).click();
    await page.getByText('Die Erinnerungen gelten für Fristen, die von jetzt an eröffnet werden.').waitFor();
    const settings = await api.http
      .get(`/programmes/${programmeId}/deadline-settings`)
      .set(bearer(await api.token('grants-office')))
      .expect(200);
    expect(settings.body.reminderOffsetsDays).toEqual([28, 14, 3]);
    expect(await axe(page, 'Programm mit Erinnerungen')).toEqual([]);

    // A call: dates, closing rule, tier, condition, criterion; then published and amended.
    await page.getByRole('link', { name: 'Aufruf entwerfen' }).click();
    await page.getByLabel('Titel des Aufrufs').fill(CALL);
    await page.getByLabel('Einreichungsfrist').fill('2026-02-13');
    await row(page, /^Stufe 1/)
      .getByLabel('Förderbetrag in Euro')
      .fill('50000');
    await page.getByLabel('Ratsbeschluss').selectOption('may-follow-after-selection');
    await page.getByLabel('Budget in Euro').fill('500000');
    await row(page, /^Kriterium 1/)
      .getByLabel('Kriterium')
      .fill('Überzeugendes Konzept');
    expect(await axe(page, 'Aufruf entwerfen')).toEqual([]);
    await page.getByRole('button', { name: 'Aufruf als Entwurf speichern' }).click();
    await shows(page, page.getByRole('heading', { name: `Aufruf: ${CALL}` }));
    const callId = decodeURIComponent(new URL(page.url()).pathname.split('/')[4]);
    await page.getByText('Entwurf', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Aufruf veröffentlichen' }).click();
    await page.getByText('Der Aufruf ist veröffentlicht.').waitFor();
    await page.getByText('veröffentlicht', { exact: true }).waitFor();
    await page.getByLabel('Budget in Euro').fill('600000');
    await page.getByLabel('Grund der Änderung').fill('Mehr Mittel aus dem Landeshaushalt');
    await page.getByRole('button', { name: 'Änderung erfassen' }).click();
    await page.getByText(/geändert \(Budget\) – Mehr Mittel aus dem Landeshaushalt/).waitFor();
    expect(await axe(page, 'Aufruf (veröffentlicht)')).toEqual([]);
    await screenshot(page, 'aufruf-verwaltung');

    // Dortmund applies over the API (its own journey is the municipality test's).
    const dortmund = bearer(await api.token('municipality', DORTMUND));
    await api.http
      .post(`/calls/${callId}/expressions-of-interest`)
      .set(dortmund)
      .send({ ...BRUECKEN, coordinator: { name: 'Bildungsbüro Dortmund' } })
      .expect(201);
    const applicationId = `${callId}.${DORTMUND}`;
    await api.http.post(`/expressions-of-interest/${applicationId}/submit`).set(dortmund).expect(200);
    api.clock.set('2026-02-16T09:00:00.000Z');

    // The office checks, scores and selects; the ranking shows the call's candidates.
    await page.goto(`${world.url}/auswahl/${encodeURIComponent(applicationId)}`);
    await page.getByRole('heading', { name: 'Einreichung: Dortmund' }).waitFor();
    await page.getByRole('button', { name: 'Formale Prüfung erfassen' }).click();
    await page.getByText(/^Bestanden am/).waitFor();
    await page.getByLabel(/Überzeugendes Konzept/).fill('9');
    await page.getByRole('button', { name: 'Bewertung speichern' }).click();
    await page.getByText('Ihre Bewertung ist erfasst.').waitFor();
    await page.getByLabel('ausgewählt').check();
    await page.getByLabel('Begründung', { exact: true }).fill('Tragfähiges Netzwerk');
    await page.getByRole('button', { name: 'Entscheidung erfassen' }).click();
    await page.getByText('Die Entscheidung ist erfasst.').waitFor();
    // The selection so far, beside the decision.
    await page.getByRole('heading', { name: 'Querschnitt der Auswahl' }).waitFor();
    await page.getByText('1 von 1 Einreichungen ausgewählt.').waitFor();

    // The notice: the financing plan per source of the terms.
    await page.getByRole('heading', { name: 'Zuwendungsbescheid' }).waitFor();
    await page.getByLabel('ESF in Euro').fill('30.000');
    await page.getByLabel('Land NRW in Euro').fill('20.000');
    await page.getByLabel('Eigenmittel in Euro').fill('20.000');
    await page.getByText('Zuwendung (ausgezahlte Mittel): 50.000,00 €').waitFor();
    await page.getByLabel('Bewilligungszeitraum von').fill('2026-03-01');
    await page.getByLabel('Bewilligungszeitraum bis').fill('2027-06-30');
    expect(await page.getByLabel('Koordinierungsstelle').inputValue()).toBe('Bildungsbüro Dortmund');
    expect(await axe(page, 'Einreichung: Bescheid erlassen')).toEqual([]);
    await screenshot(page, 'bescheid-erlassen');
    await page.getByRole('button', { name: 'Zuwendungsbescheid erlassen' }).press('Enter');
    // The submission now leads to its grant.
    await shows(page, page.getByText('Der Bescheid ist erlassen:'));
    await page.getByRole('link', { name: 'Zuwendung über 50.000,00 €' }).click();
    await page.getByRole('heading', { name: 'Zuwendung: Dortmund' }).waitFor();
    const grantId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);

    // The notice as PDF, downloaded as the clerk would, names the municipality and the programme.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Zuwendungsbescheid herunterladen (PDF)' }).click(),
    ]);
    const { text } = readPdf(readFileSync((await download.path()) as string));
    expect(text).toContain('Zuwendungsbescheid');
    expect(text).toContain('Dortmund');
    expect(text).toContain(TITLE);

    // Dortmund calls funds; the office records the payment.
    api.clock.set('2026-03-02T09:00:00.000Z');
    await api.http
      .post(`/grants/${grantId}/disbursements`)
      .set(dortmund)
      .send({ amountCents: 2_000_000, dueDate: '2026-04-15' })
      .expect(201);
    api.clock.set('2026-03-10T09:00:00.000Z');
    // The call for funds is on the office's worklist, and leads to the grant.
    await page.goto(`${world.url}/aufgaben?art=auszahlungen`);
    const toPay = page.getByRole('table', { name: 'Abgerufene, noch nicht ausgezahlte Mittel' });
    await toPay.getByRole('row', { name: /Dortmund .* 20\.000,00 €/ }).waitFor();
    await page.getByRole('link', { name: /Mittelabrufe auszahlen \(1\)/ }).waitFor();
    expect(await axe(page, 'Aufgaben: Mittelabrufe auszahlen')).toEqual([]);
    await toPay.getByRole('link', { name: 'Dortmund' }).click();
    await page.waitForURL(`${world.url}/zuwendungen/${encodeURIComponent(grantId)}`);
    await page.getByLabel('Zahltag für neue Zahlungen').fill('2026-03-10');
    await page.getByRole('button', { name: 'Zahlung über 20.000,00 € am 10.03.2026 erfassen' }).click();
    await page.getByText('gezahlt am 10.03.2026').waitFor();
    const office = bearer(await api.token('grants-office'));
    const paid = await api.http.get(`/grants/${grantId}/disbursements`).set(office).expect(200);
    expect(paid.body.items).toMatchObject([{ status: 'paid', paidOn: '2026-03-10', amountCents: 2_000_000 }]);

    // A revocation shows its refund and interest before it is confirmed, and nothing is written until then.
    api.clock.set('2026-05-04T09:00:00.000Z');
    const before = await world.store.headPosition();
    await page.getByLabel('Widerrufener Betrag in Euro').fill('40.000');
    await page.getByLabel('Wirksam ab').fill('2026-03-01');
    await page.getByLabel('Erstattung fällig am').fill('2026-05-29');
    await page.getByRole('button', { name: 'Erstattung und Zinsen berechnen' }).click();
    await shows(page, page.getByRole('heading', { name: /Vor der Bestätigung/ }));
    await page.getByText('10.000,00 €', { exact: true }).first().waitFor();
    expect(await world.store.headPosition()).toBe(before);
    expect(await axe(page, 'Zuwendung (Widerruf vor der Bestätigung)')).toEqual([]);
    await screenshot(page, 'zuwendung-widerruf');

    // The dashboard's figures follow.
    await page.goto(`${world.url}${programmeUrl}`);
    await page.getByRole('table', { name: 'Bewilligungen je Förderphase' }).waitFor();
    await page.getByRole('cell', { name: '50.000,00 €' }).first().waitFor();
    expect(await axe(page, 'Programm (Kennzahlen)')).toEqual([]);
    await screenshot(page, 'programm');

    expect(tab.external).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });
});
