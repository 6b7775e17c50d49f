import { formatDateLong } from '../format/german';
import type { Column, Row, Table, Workbook } from '../tables/table-model';
import type { FundingExportView, FundingLineView, FundingSourceView } from './funding-export.view';

/**
 * The funding exports of a programme as tables: totals by year and source, one row per grant,
 * every line, and a sheet per grant and per municipality. Each table's totals row is the sum of
 * the same integer cents, so every sheet reconciles with the others to the cent.
 */

const sourceKey = (sourceId: string) => `source:${sourceId}`;
const snake = (id: string) =>
  id
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toLowerCase();

/** The programme's sources, then any source a line names that the list lacks (never drop money). */
function sourcesOf(view: FundingExportView): FundingSourceView[] {
  const known = new Set(view.sources.map((s) => s.sourceId));
  const extra = [...new Set(view.lines.map((l) => l.sourceId))].filter((id) => !known.has(id));
  return [
    ...view.sources,
    ...extra.map((sourceId) => ({ sourceId, name: sourceId, kind: 'grant' as const })),
  ];
}

function sourceColumns(sources: FundingSourceView[]): Column[] {
  return [
    ...sources.map((s): Column => ({
      key: sourceKey(s.sourceId),
      header: `${s.name} (€)`,
      headerEn: `${s.name} (€)`,
      machineHeader: `${snake(s.sourceId)}_eur`,
      type: 'money-cents',
    })),
    {
      key: 'total',
      header: 'Summe (€)',
      headerEn: 'Total (€)',
      machineHeader: 'total_eur',
      type: 'money-cents',
    },
  ];
}

/** A row holding each source's sum of `lines` and their total, all in cents. */
function amountsRow(sources: FundingSourceView[], lines: FundingLineView[]): Row {
  const row: Row = { total: 0 };
  for (const s of sources) row[sourceKey(s.sourceId)] = 0;
  for (const line of lines) {
    row[sourceKey(line.sourceId)] = (row[sourceKey(line.sourceId)] as number) + line.cents;
    row.total = (row.total as number) + line.cents;
  }
  return row;
}

const moneyTotals = (sources: FundingSourceView[]) => ['total', ...sources.map((s) => sourceKey(s.sourceId))];

function groupBy<K>(lines: FundingLineView[], key: (l: FundingLineView) => K): Map<K, FundingLineView[]> {
  const groups = new Map<K, FundingLineView[]>();
  for (const line of lines) groups.set(key(line), [...(groups.get(key(line)) ?? []), line]);
  return groups;
}

const yearColumn: Column = {
  key: 'year',
  header: 'Jahr',
  headerEn: 'Year',
  machineHeader: 'year',
  type: 'integer',
  grouping: false,
};

function caption(view: FundingExportView, what: string): string {
  return `${view.programme.title} – ${what} – Stand ${formatDateLong(view.asOf)}`;
}

/** The caption in English: the programme keeps its title, the date is ISO (as the English sheets show dates). */
function captionEn(view: FundingExportView, what: string): string {
  return `${view.programme.title} – ${what} – as of ${view.asOf}`;
}

/** The totals row's label in both languages. */
const totalsLabels = { label: 'Summe', labelEn: 'Total' };

/** Every year of the programme (also those without money) by source. */
export function fundingByYearTable(view: FundingExportView): Table {
  const sources = sourcesOf(view);
  const years = [...new Set([...view.years, ...view.lines.map((l) => l.year)])].sort((a, b) => a - b);
  const byYear = groupBy(view.lines, (l) => l.year);
  return {
    name: 'Summen nach Jahr',
    nameEn: 'Totals by year',
    caption: caption(view, 'anerkannte Ausgaben nach Jahr und Quelle'),
    captionEn: captionEn(view, 'accepted expenditure by year and source'),
    columns: [yearColumn, ...sourceColumns(sources)],
    rows: years.map((year) => ({ year, ...amountsRow(sources, byYear.get(year) ?? []) })),
    totals: { ...totalsLabels, columns: moneyTotals(sources) },
  };
}

/** One row per grant: who, which grant, how much from each source. */
export function fundingByGrantTable(view: FundingExportView): Table {
  const sources = sourcesOf(view);
  const byGrant = groupBy(view.lines, (l) => l.grant.grantId);
  return {
    name: 'Zuwendungen',
    nameEn: 'Grants',
    caption: caption(view, 'anerkannte Ausgaben je Zuwendung'),
    captionEn: captionEn(view, 'accepted expenditure per grant'),
    columns: [
      {
        key: 'municipality',
        header: 'Kommune',
        headerEn: 'Municipality',
        machineHeader: 'municipality',
        type: 'text',
      },
      { key: 'ags', header: 'AGS', headerEn: 'AGS', machineHeader: 'ags', type: 'text' },
      { key: 'grant', header: 'Zuwendung', headerEn: 'Grant', machineHeader: 'grant', type: 'text' },
      {
        key: 'grantId',
        header: 'Kennung der Zuwendung',
        headerEn: 'Grant ID',
        machineHeader: 'grant_id',
        type: 'text',
      },
      ...sourceColumns(sources),
    ],
    rows: [...byGrant.values()]
      .map((lines) => ({
        municipality: lines[0].municipality.name,
        ags: lines[0].municipality.ags,
        grant: lines[0].grant.label,
        grantId: lines[0].grant.grantId,
        ...amountsRow(sources, lines),
      }))
      .sort(
        (a, b) => a.municipality.localeCompare(b.municipality, 'de') || a.grant.localeCompare(b.grant, 'de'),
      ),
    totals: { ...totalsLabels, columns: moneyTotals(sources) },
  };
}

/** Every line as recorded, for an auditor who follows a cent back to its report. */
export function fundingLinesTable(view: FundingExportView): Table {
  const names = new Map(sourcesOf(view).map((s) => [s.sourceId, s.name]));
  return {
    name: 'Einzelposten',
    nameEn: 'Line items',
    caption: caption(view, 'alle anerkannten Beträge'),
    captionEn: captionEn(view, 'every accepted amount'),
    columns: [
      yearColumn,
      { key: 'source', header: 'Quelle', headerEn: 'Source', machineHeader: 'source', type: 'text' },
      {
        key: 'sourceId',
        header: 'Kennung der Quelle',
        headerEn: 'Source ID',
        machineHeader: 'source_id',
        type: 'text',
      },
      {
        key: 'amount',
        header: 'Betrag (€)',
        headerEn: 'Amount (€)',
        machineHeader: 'amount_eur',
        type: 'money-cents',
      },
      {
        key: 'municipality',
        header: 'Kommune',
        headerEn: 'Municipality',
        machineHeader: 'municipality',
        type: 'text',
      },
      { key: 'ags', header: 'AGS', headerEn: 'AGS', machineHeader: 'ags', type: 'text' },
      { key: 'grant', header: 'Zuwendung', headerEn: 'Grant', machineHeader: 'grant', type: 'text' },
      {
        key: 'grantId',
        header: 'Kennung der Zuwendung',
        headerEn: 'Grant ID',
        machineHeader: 'grant_id',
        type: 'text',
      },
      {
        key: 'period',
        header: 'Berichtszeitraum',
        headerEn: 'Report period',
        machineHeader: 'report_period',
        type: 'text',
      },
      {
        key: 'reportId',
        header: 'Kennung des Berichts',
        headerEn: 'Report ID',
        machineHeader: 'report_id',
        type: 'text',
      },
      {
        key: 'acceptedOn',
        header: 'Anerkannt am',
        headerEn: 'Accepted on',
        machineHeader: 'accepted_on',
        type: 'date',
      },
    ],
    rows: view.lines.map((l) => ({
      year: l.year,
      source: names.get(l.sourceId) ?? l.sourceId,
      sourceId: l.sourceId,
      amount: l.cents,
      municipality: l.municipality.name,
      ags: l.municipality.ags,
      grant: l.grant.label,
      grantId: l.grant.grantId,
      period: l.report?.periodLabel ?? null,
      reportId: l.report?.reportId ?? null,
      acceptedOn: l.report?.acceptedOn ?? null,
    })),
    totals: { ...totalsLabels, columns: ['amount'] },
  };
}

/** One grant: a row per report period (or per year where lines name no report). */
function grantTable(view: FundingExportView, lines: FundingLineView[]): Table {
  const sources = sourcesOf(view);
  const byPeriod = groupBy(lines, (l) => `${l.year}\u0000${l.report?.periodLabel ?? String(l.year)}`);
  const first = lines[0];
  return {
    name: first.grant.label,
    nameEn: first.grant.label,
    caption: `${first.grant.label} (${first.municipality.name}, AGS ${first.municipality.ags}) – Stand ${formatDateLong(view.asOf)}`,
    captionEn: `${first.grant.label} (${first.municipality.name}, AGS ${first.municipality.ags}) – as of ${view.asOf}`,
    columns: [
      {
        key: 'period',
        header: 'Berichtszeitraum',
        headerEn: 'Report period',
        machineHeader: 'report_period',
        type: 'text',
      },
      yearColumn,
      ...sourceColumns(sources),
    ],
    rows: [...byPeriod.values()]
      .map((group) => ({
        period: group[0].report?.periodLabel ?? String(group[0].year),
        year: group[0].year,
        ...amountsRow(sources, group),
      }))
      .sort((a, b) => a.year - b.year || a.period.localeCompare(b.period, 'de')),
    totals: { ...totalsLabels, columns: moneyTotals(sources) },
  };
}

/** One municipality: a row per grant and year. */
function municipalityTable(view: FundingExportView, lines: FundingLineView[]): Table {
  const sources = sourcesOf(view);
  const groups = groupBy(lines, (l) => `${l.grant.grantId}\u0000${l.year}`);
  const first = lines[0];
  return {
    name: first.municipality.name,
    nameEn: first.municipality.name,
    caption: `${first.municipality.name} (AGS ${first.municipality.ags}) – Stand ${formatDateLong(view.asOf)}`,
    captionEn: `${first.municipality.name} (AGS ${first.municipality.ags}) – as of ${view.asOf}`,
    columns: [
      { key: 'grant', header: 'Zuwendung', headerEn: 'Grant', machineHeader: 'grant', type: 'text' },
      yearColumn,
      ...sourceColumns(sources),
    ],
    rows: [...groups.values()]
      .map((group) => ({ grant: group[0].grant.label, year: group[0].year, ...amountsRow(sources, group) }))
      .sort((a, b) => a.grant.localeCompare(b.grant, 'de') || a.year - b.year),
    totals: { ...totalsLabels, columns: moneyTotals(sources) },
  };
}

/**
 * The workbook an office opens: totals by year and source first, then one row per grant, every
 * line, and a sheet per grant and per municipality (by name).
 */
export function fundingWorkbook(view: FundingExportView): Workbook {
  const byName = (a: FundingLineView[], b: FundingLineView[]) =>
    a[0].grant.label.localeCompare(b[0].grant.label, 'de');
  const grants = [...groupBy(view.lines, (l) => l.grant.grantId).values()].sort(byName);
  const municipalities = [...groupBy(view.lines, (l) => l.municipality.ags).values()].sort((a, b) =>
    a[0].municipality.name.localeCompare(b[0].municipality.name, 'de'),
  );
  return {
    title: `${view.programme.title} – anerkannte Ausgaben`,
    titleEn: `${view.programme.title} – accepted expenditure`,
    creator: view.issuer,
    asOf: view.asOf,
    sheets: [
      fundingByYearTable(view),
      fundingByGrantTable(view),
      fundingLinesTable(view),
      ...grants.map((lines) => grantTable(view, lines)),
      ...municipalities.map((lines) => municipalityTable(view, lines)),
    ],
  };
}
