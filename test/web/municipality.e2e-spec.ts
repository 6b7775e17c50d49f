import type { Browser } from 'playwright-core';
import { TERMS_KKZ } from '@app/shared';
import { CALL_2011, DORTMUND, OBERHAUSEN, PROGRAMME } from '../support/fixtures';
import { ProjectionRunner } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { reportDueOpened } from '@app/deadlines/testing-fixtures';
import { issueGrant } from '../support/esf-reporting-world';
import { INSIDE, SURVEY } from '../support/evaluation-survey';
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
    const dortmund = bearer(await world.api.token('municipality', DORTMUND));
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
    await page.getByRole('table', { name: /Fristen, nach/ }).waitFor();
    expect(await axe(page, 'Meine Fristen')).toEqual([]);
    await screenshot(page, 'fristen');

    // The same deadlines as a month calendar: a table with a column per weekday.
    await page.getByRole('link', { name: 'Monatskalender' }).click();
    await page.waitForURL(/ansicht=kalender/);
    // It opens at today's month on the business clock; the call closes next month.
    const november = page.getByRole('table', { name: 'Fristen im November 2011' });
    await november.waitFor();
    expect(await november.getByRole('columnheader').allInnerTexts()).toEqual([
      'Mo',
      'Di',
      'Mi',
      'Do',
      'Fr',
      'Sa',
      'So',
    ]);
    // 1 November 2011 was a Tuesday: the first week's Monday is empty.
    expect(await november.locator('tbody tr').first().locator('td').first().innerText()).toBe('');
    expect(await november.locator('tbody tr').first().locator('td').nth(1).innerText()).toMatch(/^1\b/);
    await page.getByRole('link', { name: 'Nächster Monat' }).click();
    await page.waitForURL(/monat=2011-12/);
    await page.getByRole('table', { name: 'Fristen im Dezember 2011' }).waitFor();
    await page.getByRole('link', { name: 'Vorheriger Monat' }).click();
    await page.getByRole('table', { name: 'Fristen im November 2011' }).waitFor();
    expect(await axe(page, 'Fristen als Monatskalender')).toEqual([]);

    // Notification settings: a refusal at its field, then saved.
    await page.getByRole('link', { name: 'Benachrichtigungen' }).click();
    const email = page.getByLabel('E-Mail-Adresse für Erinnerungen');
    await email.fill('keine Adresse');
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await page.locator('.field-error').first().waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page, 'Benachrichtigungen mit Fehler')).toEqual([]);
    await email.fill('fruehe-hilfen@dortmund.example');
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await page.getByText('Die Einstellungen sind gespeichert.').waitFor();
    const settings = await world.api.http
      .get(`/municipalities/${DORTMUND}/notification-settings`)
      .set(dortmund)
      .expect(200);
    expect(settings.body.email).toBe('fruehe-hilfen@dortmund.example');

    await page.getByRole('link', { name: 'Posteingang' }).click();
    await page.getByRole('heading', { name: 'Posteingang' }).waitFor();
    await page.getByText(/ungelesen von/).waitFor();
    expect(await axe(page, 'Posteingang')).toEqual([]);
    expect(tab.external).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });

  it('reports on a period of its grant: refusals at their fields, then submitted', async () => {
    // Dortmund is selected and granted (as the ESF reporting tests do); a year later its first period has ended.
    const grantId = await issueGrant(world.api, DORTMUND, { version: 1, effectiveFrom: '2011-11-09' });
    world.api.clock.set('2013-02-01T09:00:00.000Z');
    const office = bearer(await world.api.token('grants-office'));
    await world.api.http.post(`/grants/${grantId}/report-periods`).set(office).expect(200);

    const tab = await openTab(browser, world);
    const { page } = tab;
    await signIn(tab, world, 'Kommune', 'Dortmund (kreisfreie Stadt)');
    await page.getByRole('link', { name: 'Meine Programme' }).click();
    await page.getByRole('heading', { name: PROGRAMME.title }).waitFor();
    await page.getByRole('link', { name: 'Kein Kind zurücklassen in Dortmund' }).waitFor();
    expect(await axe(page, 'Meine Programme')).toEqual([]);
    await screenshot(page, 'meine-programme');
    await page.getByRole('link', { name: 'Förderphase I' }).click();
    await page.waitForURL(`${world.url}/meine-zuwendungen/${grantId}`);
    const first = page.getByRole('link', { name: 'Bericht 01.03.2012 bis 31.12.2012' });
    await first.waitFor();
    expect(await axe(page, 'Zuwendung mit Berichten')).toEqual([]);
    await first.click();

    // The form is built from the programme's indicator catalogue, and has one amount per source of
    // the grant's notice, named as its terms name them.
    const required = page.getByLabel('Unterstützte öffentliche Verwaltungen (Anzahl)');
    await required.waitFor();
    const amountLabels = page
      .locator('fieldset', { hasText: 'Ausgaben nach Finanzierungsquelle' })
      .locator('label');
    expect(await amountLabels.allTextContents()).toEqual([
      'Ausgaben aus „ESF“ in €',
      'Ausgaben aus „Land“ in €',
      'Ausgaben aus „Eigenmittel“ in €',
    ]);
    await page.getByLabel('Teilnehmende (Personen) – freiwillig').fill('120');
    await page.getByRole('button', { name: 'Bericht einreichen' }).click();
    await page.getByText('Bitte ausfüllen: Diese Angabe fehlt für die Einreichung.').first().waitFor();
    expect(await required.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Sachbericht').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Ausgaben aus „ESF“ in €').getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page, 'Bericht mit Fehlern')).toEqual([]);
    await screenshot(page, 'bericht-fehler');

    // Too much from the ESF for the notice's share: said at the ESF field.
    await required.fill('5');
    await page.getByLabel('Sachbericht').fill('Netzwerke gebündelt; Koordinierungsstelle besetzt.');
    await page.getByLabel('Ausgaben aus „ESF“ in €').fill('15.000,00');
    await page.getByLabel('Ausgaben aus „Land“ in €').fill('2.000,00');
    await page.getByLabel('Ausgaben aus „Eigenmittel“ in €').fill('3.000,00');
    await page.getByRole('button', { name: 'Bericht einreichen' }).click();
    const esf = page.getByLabel('Ausgaben aus „ESF“ in €');
    await page.locator('.field-invalid', { has: esf }).waitFor();
    expect(await esf.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Ausgaben aus „Land“ in €').getAttribute('aria-invalid')).toBeNull();

    await esf.fill('10.000,00');
    await page.getByLabel('Ausgaben aus „Land“ in €').fill('4.800,00');
    await page.getByLabel('Ausgaben aus „Eigenmittel“ in €').fill('5.200,00');
    await page.getByRole('button', { name: 'Bericht einreichen' }).click();
    await page.getByText('Der Bericht ist eingereicht.').waitFor();
    await page.getByText('eingereicht – zu prüfen').waitFor();
    // The report's history, in German.
    await page.getByText(/^\d{2}\.\d{2}\.2013, \d{2}:\d{2}: Berichtszeitraum eröffnet$/).waitFor();
    await page.getByText(/^\d{2}\.\d{2}\.2013, \d{2}:\d{2}: eingereicht$/).waitFor();

    const dortmund = bearer(await world.api.token('municipality', DORTMUND));

    // The report's deadline in the month calendar, on its day (a bookmarkable month).
    // The deadline manager (a worker process, not running here) opens the report's deadline; its
    // event is appended as the deadlines context records it (docs/events.md).
    const periods = await world.api.http.get(`/grants/${grantId}/esf-reports`).set(dortmund).expect(200);
    const period = [...(periods.body.items as { reportId: string; dueDate: string; from: string }[])].sort(
      (a, b) => a.from.localeCompare(b.from),
    )[0];
    const firstDue = period.dueDate;
    const deadlineId = `esf-report-due.${period.reportId}`;
    const opened = reportDueOpened({
      deadlineId,
      subject: { reportId: period.reportId, grantId },
      obligedAgs: [DORTMUND],
      dueDate: firstDue,
      lastDay: firstDue,
      dueAt: `${firstDue}T22:00:00.000Z`,
      openedAt: '2013-01-01T08:00:00.000Z',
    });
    // And, 14 days before, its reminder (the inbox words it from the deadline contract's events).
    const reminder = {
      deadlineId,
      kind: 'esf-report-due',
      programmeId: 'kkz',
      subject: { reportId: period.reportId, grantId },
      obligedAgs: [DORTMUND],
      offsetDays: 14,
      dueDate: firstDue,
      dueAt: `${firstDue}T22:00:00.000Z`,
      remindAt: '2013-01-31T07:00:00.000Z',
      issuedAt: '2013-01-31T07:00:00.000Z',
    };
    const { position } = await world.api.store.appendToStream(
      `deadline-${deadlineId}`,
      [newEvent(opened.type, opened.data), newEvent('DeadlineReminderIssued', reminder)],
      'no_stream',
    );
    await world.api.app.get(ProjectionRunner).waitFor(position);
    await page.goto(`${world.url}/fristen?ansicht=kalender&monat=${firstDue.slice(0, 7)}`);
    const day = Number(firstDue.slice(8));
    const cell = page
      .getByRole('table', { name: /^Fristen im / })
      .locator('td', { has: page.locator('li') })
      .first();
    await cell.waitFor();
    expect(await cell.innerText()).toMatch(new RegExp(`^${day}\\s*\\.[\\s\\S]*(ESF|Bericht)[\\s\\S]*offen`));
    expect(await axe(page, 'Fristen als Monatskalender mit Frist')).toEqual([]);
    await screenshot(page, 'fristen-kalender');

    // The reminder in the inbox, marked as read.
    await page.getByRole('link', { name: 'Posteingang' }).click();
    await page.getByText('1 ungelesen von 1').waitFor();
    await page.getByRole('button', { name: 'Als gelesen markieren' }).click();
    await page.getByText('0 ungelesen von 1').waitFor();
    expect(await page.getByRole('button', { name: 'Als gelesen markieren' }).count()).toBe(0);
    expect(await axe(page, 'Posteingang mit Erinnerung')).toEqual([]);
    const inbox = await world.api.http.get('/inbox').set(dortmund).expect(200);
    expect(inbox.body.unread).toBe(0);
    expect(inbox.body.items[0].read).toBe(true);

    // After the funding period: the proof of use, its missing Sachbericht said at that field first.
    world.api.clock.set('2015-08-03T09:00:00.000Z');
    // The grant's page as a bookmark (the API serves the workspace for it).
    await page.goto(`${world.url}/meine-zuwendungen/${grantId}`);
    await page.getByRole('heading', { name: 'Verwendungsnachweis' }).waitFor();
    await page.getByRole('button', { name: 'Verwendungsnachweis einreichen' }).click();
    const factual = page.getByLabel('Sachbericht zum Verwendungsnachweis');
    await page.locator('.field-invalid', { has: factual }).waitFor();
    expect(await factual.getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page, 'Verwendungsnachweis mit Fehler')).toEqual([]);
    await factual.fill('Präventionskette von der Geburt bis zum Berufseinstieg aufgebaut.');
    // One field per source of the grant's financing plan, named as the programme names it.
    await page.getByLabel('Ausgaben aus „ESF“ in €').fill('43.000,00');
    await page.getByLabel('Ausgaben aus „Land“ in €').fill('21.000,00');
    await page.getByLabel('Ausgaben aus „Eigenmittel“ in €').fill('22.000,00');
    await page.getByRole('button', { name: 'Verwendungsnachweis einreichen' }).click();
    await page.getByText(/^Eingereicht .* – Stand: eingereicht – zu prüfen/).waitFor();
    const granted = await world.api.http.get(`/grants/${grantId}`).set(dortmund).expect(200);
    expect(granted.body.proofOfUse).toMatchObject({
      status: 'submitted',
      expenditure: [
        { sourceId: 'esf', cents: 4_300_000 },
        { sourceId: 'land', cents: 2_100_000 },
        { sourceId: 'own', cents: 2_200_000 },
      ],
    });

    const reports = await world.api.http.get(`/grants/${grantId}/esf-reports`).set(dortmund).expect(200);
    const submitted = reports.body.items.find((r: { status: string }) => r.status === 'submitted');
    expect(submitted.submitted).toMatchObject({
      // Per source of the notice, as the form sent them.
      expenditure: [
        { sourceId: 'esf', cents: 1_000_000 },
        { sourceId: 'land', cents: 480_000 },
        { sourceId: 'own', cents: 520_000 },
      ],
      indicators: { publicAdministrationsSupported: 5, participants: 120 },
    });
    expect(tab.external).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });

  it('answers the evaluation survey on its scale: unanswered questions said at each, then sent', async () => {
    // Dortmund holds a phase-I grant (the test before), so the 2017 survey asks it.
    world.api.clock.set('2017-11-20T09:00:00.000Z');
    const office = bearer(await world.api.token('grants-office'));
    // The evaluation names the criteria its questions assess where the API takes them (criteria as
    // data of each evaluation); an API before that refuses the field, and takes the evaluation without it.
    const evaluation = {
      evaluationId: 'kkz-evaluation',
      programmeId: 'kkz',
      title: 'Evaluation Kommunale Präventionsketten',
    };
    const created = await world.api.http
      .post('/evaluations')
      .set(office)
      .send({ ...evaluation, criteria: [{ criterionId: 'goal-attainment', name: 'Zielerreichung' }] });
    if (created.status !== 201) {
      expect(created.status).toBe(400);
      await world.api.http.post('/evaluations').set(office).send(evaluation).expect(201);
    }
    await world.api.http.post('/evaluations/kkz-evaluation/surveys').set(office).send(SURVEY).expect(201);
    world.api.clock.set(INSIDE);

    const tab = await openTab(browser, world);
    const { page } = tab;
    await signIn(tab, world, 'Kommune', 'Dortmund (kreisfreie Stadt)');
    await page.getByRole('link', { name: 'Befragungen' }).click();
    await page.getByRole('link', { name: SURVEY.title }).click();
    await page.getByRole('heading', { name: SURVEY.title }).waitFor();
    const networks = page.getByRole('group', { name: SURVEY.questions[0].text });
    // The scale's own steps and labels, as the survey defines them.
    await networks.getByLabel('weitgehend').waitFor();
    expect(await networks.getByRole('radio').count()).toBe(4);
    await page.getByRole('button', { name: 'Antworten absenden' }).click();
    await networks.getByText('Bitte beantworten: Diese Frage ist nicht freiwillig.').waitFor();
    const coordination = page.getByRole('group', { name: SURVEY.questions[1].text });
    await coordination.getByText('Bitte beantworten').waitFor();
    expect(await axe(page, 'Befragung mit Fehlern')).toEqual([]);
    await screenshot(page, 'befragung-fehler');

    await networks.getByLabel('weitgehend').check();
    await coordination.getByLabel('teilweise').check();
    await page.getByLabel('Anmerkungen (freiwillig)').fill('Netzwerke tragen, Koordination wächst.');
    await page.getByRole('button', { name: 'Antworten absenden' }).click();
    await page.getByText('Ihre Antworten sind gespeichert.').waitFor();
    await page.getByRole('button', { name: 'Antworten überarbeiten' }).waitFor();
    // Bookmarked, the survey opens with the answers given.
    await page.goto(`${world.url}/befragungen/${SURVEY.surveyId}`);
    expect(
      await page.getByRole('group', { name: SURVEY.questions[0].text }).getByLabel('weitgehend').isChecked(),
    ).toBe(true);
    const mine = await world.api.http
      .get(`/surveys/${SURVEY.surveyId}/answers/mine`)
      .set(bearer(await world.api.token('municipality', DORTMUND)))
      .expect(200);
    expect(
      (mine.body.answers as { questionId: string; step?: string; text?: string }[]).map((a) => [
        a.questionId,
        a.step ?? a.text,
      ]),
    ).toEqual([
      ['networks', 'largely'],
      ['coordination', 'partly'],
      ['remarks', 'Netzwerke tragen, Koordination wächst.'],
    ]);
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
