import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SqliteEventStore } from '@app/eventsourcing';
import { projectRoot } from '@app/shared';
import { buildAuditDataSet } from '../support/audit-data-set';
import { CALL_2011 } from '../support/fixtures';
import { eventually } from '../support/waiting';
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
if (missing) console.warn(`web workspace, auditor: ${missing}`);
const describeInChromium = missing ? describe.skip : describe;

const UNNA_STREAM = 'application-kkz-2011.05978000';

describeInChromium('web workspace: an auditor verifies, exports, and finds a tampered event', () => {
  let world: WebWorld;
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    // Kreis Unna's joint application and Oberhausen's, a signed checkpoint, in a SQLite file.
    const data = await buildAuditDataSet();
    file = data.file;
    world = await startWeb({
      now: '2012-01-16T09:00:00.000Z',
      store: new SqliteEventStore(file),
      dir: data.dir,
    });
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    printAxeSummary('auditor');
    await browser?.close();
    await world?.close();
  });

  it('verifies the store, downloads a signed export that verifies offline, then sees an altered event flagged', async () => {
    const tab = await openTab(browser, world);
    const { page } = tab;
    await signIn(tab, world, 'Prüfung (Revision)');
    await page.getByRole('heading', { name: 'Datensätze finden' }).waitFor();

    await page.getByRole('link', { name: 'Integrität und Export' }).click();
    await page.getByRole('button', { name: 'Speicher jetzt prüfen' }).click();
    await page.getByText(/^Speicher intakt: \d+ Ereignisse in \d+ Datensätzen/).waitFor();
    await page.getByText(/1, davon 1 verifiziert/).waitFor();

    await page.getByLabel('Programm (optional)').fill('kkz');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('pruefexport-kkz.ndjson');
    const saved = join(world.dir, download.suggestedFilename());
    await download.saveAs(saved);
    // The command the page shows, run as shown (with the file where the browser saved it).
    const command = await page.locator('pre code').innerText();
    const [, keyId] = /--public-key ([0-9a-f]{64})$/.exec(command.trim()) ?? [];
    expect(keyId).toBeDefined();
    expect(command).toContain('node verify-export.js pruefexport-kkz.ndjson');
    const verified = spawnSync(
      process.execPath,
      [join(projectRoot(), 'scripts', 'verify-export.js'), saved, '--public-key', keyId],
      { encoding: 'utf8' },
    );
    expect(verified.stdout).toMatch(/OK: the export is intact and its signature verifies/);
    expect(verified.status).toBe(0);
    expect(readFileSync(saved, 'utf8')).toContain('kkz-audit-export/1');
    expect(await axe(page, 'Integrität und Export')).toEqual([]);
    await screenshot(page, 'integritaet');

    // Someone alters the submission's date in the SQLite file, behind the API's back.
    const sql = new Database(file);
    sql
      .prepare(
        `UPDATE events SET data = replace(data, '2011-12-14', '2011-12-10') WHERE type = 'ExpressionOfInterestSubmitted'`,
      )
      .run();
    sql.close();

    // Found by the municipality's name and the kind of record, not by an id.
    await page.getByRole('link', { name: 'Datensätze', exact: true }).click();
    await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Kreis Unna' });
    await page.getByLabel('Art des Datensatzes').selectOption({ label: 'Interessenbekundungen' });
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.waitForURL(/suche=05978000/);
    expect(new URL(page.url()).searchParams.get('art')).toBe('application-');
    const record = page.getByRole('link', { name: `Kreis Unna – ${CALL_2011.title}` });
    // The list narrows after the URL changes (before, Kreis Unna's participation bears the same
    // name): wait until only the one record is left, then take it.
    await eventually(
      async () => (await page.locator('tbody tr').count()) === 1 && (await record.count()) === 1,
      15_000,
      'one record',
    );
    expect(await axe(page, 'Datensätze finden')).toEqual([]);
    await screenshot(page, 'pruefung-finden');
    await record.click();

    await page
      .getByRole('heading', {
        name: `Verlauf: Interessenbekundung Kreis Unna – ${CALL_2011.title}`,
      })
      .waitFor();
    await page.getByText(UNNA_STREAM, { exact: true }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Kette verletzt ab Ereignis 10: Inhalt verändert' })
      .waitFor();
    const flagged = page.locator('tr.broken');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.innerText()).toMatch(/Interessenbekundung eingereicht[\s\S]*verändert/);
    // German event names, who (by name) and when, in business and recorded time, for each event.
    const firstRow = page.locator('tbody tr').first();
    expect(await firstRow.innerText()).toMatch(
      /Interessenbekundung angelegt[\s\S]*Kommune Kreis Unna[\s\S]*municipality:05978000[\s\S]*\d{2}\.\d{2}\.2011/,
    );
    expect(await page.getByText('Mitglied zur gemeinsamen Bewerbung eingeladen').count()).toBeGreaterThan(0);
    expect(await axe(page, 'Verlauf eines Datensatzes')).toEqual([]);
    await screenshot(page, 'verlauf-manipuliert');

    // The record as it stood before its submission (business time), side by side with today.
    await page.getByRole('link', { name: 'Stand zu einem Zeitpunkt' }).click();
    await page.getByLabel('Stand zum (Datum)').fill('2011-12-10');
    await page.getByLabel('Uhr').selectOption('occurred');
    await page.getByRole('button', { name: 'Stand anzeigen' }).click();
    await page.waitForURL(/stand=2011-12-10&uhr=occurred/);
    const compare = page.getByRole('table', { name: /damals und heute/ }).first();
    await compare.waitFor();
    // The application's status: a draft then, submitted today (its row marked as changed).
    const status = page
      .locator('table.compare tr.changed')
      .filter({ hasText: /status/ })
      .filter({ hasText: 'Entwurf' })
      .first();
    expect(await status.innerText()).toMatch(/status\s+Entwurf\s+eingereicht/);
    await page.getByRole('columnheader', { name: 'Stand zum 10.12.2011' }).first().waitFor();
    expect(await axe(page, 'Stand zum Zeitpunkt')).toEqual([]);
    // Only what changed since then: every row left is a changed one.
    const allRows = await page.locator('table.compare tbody tr').count();
    await page.getByRole('link', { name: 'Nur seitdem geänderte Angaben zeigen' }).click();
    await page.waitForURL(/nur=geaendert/);
    await page.getByRole('link', { name: 'Alle Angaben zeigen' }).waitFor();
    const changedRows = await page.locator('table.compare tbody tr').count();
    expect(changedRows).toBeGreaterThan(0);
    expect(changedRows).toBeLessThan(allRows);
    expect(await page.locator('table.compare tbody tr.changed').count()).toBe(changedRows);
    await page.getByRole('table', { name: 'Interessenbekundungen: damals und heute' }).waitFor();
    await screenshot(page, 'pruefung-stand');

    // A bookmark of the record opens it again, and the whole-store check now fails too.
    await page.goto(`${world.url}/pruefung/datensatz/${UNNA_STREAM}`);
    await page.getByRole('alert').filter({ hasText: 'Kette verletzt' }).waitFor();
    await page.goto(`${world.url}/pruefung/integritaet`);
    await page.getByRole('button', { name: 'Speicher jetzt prüfen' }).click();
    await page.getByText(/^Speicher verletzt: 1 Kettenbrüche/).waitFor();
    const breakRow = page
      .getByRole('table', { name: 'Kettenbrüche' })
      .locator('tbody tr', { hasText: 'Interessenbekundung Kreis Unna' });
    await breakRow.waitFor();
    expect(await breakRow.innerText()).toMatch(
      new RegExp(`Interessenbekundung Kreis Unna – ${CALL_2011.title}\\s+10\\s+Inhalt verändert`),
    );
    expect(tab.external).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });
});
