import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { allCalls, callSelection, grants, grantsNeeding, missedDeadlines, reports } from '../../api/office';
import { type Column, DataTable, useTableParams } from '../../components/DataTable';
import { date, dateTime, DEADLINE_KINDS, euroCents, REPORT_STATUS, STAGE_NAMES } from '../../format';
import { Page, SearchForm } from '../../ui';

type Kind = 'einreichungen' | 'berichte' | 'nachweise' | 'auszahlungen' | 'fristen';
const OPEN_STAGES = new Set(['awaiting-formal-check', 'in-assessment']);

/** Every submission still to check, score or decide, across the calls. */
async function openSubmissions() {
  const calls = await allCalls();
  const selections = await Promise.all(
    calls.items
      .filter((c) => c.status !== 'draft')
      .map(async (c) => ({ call: c, sel: await callSelection(c.callId) })),
  );
  return selections.flatMap(({ call, sel }) =>
    sel.submissions.filter((s) => OPEN_STAGES.has(s.stage)).map((s) => ({ ...s, callTitle: call.title })),
  );
}
type OpenSubmission = Awaited<ReturnType<typeof openSubmissions>>[number];

/** Reports submitted and waiting for review, across the grants (first 100 grants). */
async function reportsToReview() {
  const list = await grants(1, 100, '');
  const perGrant = await Promise.all(list.items.map((g) => reports(g.grantId)));
  return perGrant.flatMap((page) => page.items).filter((r) => r.status === 'submitted');
}
type ReportToReview = Awaited<ReturnType<typeof reportsToReview>>[number];
type Missed = Awaited<ReturnType<typeof missedDeadlines>>['items'][number];

const reportTitle = (r: ReportToReview) =>
  (r as { title?: string }).title ?? `Bericht ${date(r.from)} – ${date(r.to)}`;

const SUBMISSION_COLUMNS: Column<OpenSubmission>[] = [
  {
    key: 'kommune',
    header: 'Kommune',
    cell: (s) => <Link to={`/auswahl/${encodeURIComponent(s.applicationId)}`}>{s.applicant.name}</Link>,
    sortValue: (s) => s.applicant.name,
  },
  { key: 'aufruf', header: 'Aufruf', cell: (s) => s.callTitle, sortValue: (s) => s.callTitle },
  {
    key: 'eingereicht',
    header: 'Eingereicht',
    cell: (s) => dateTime(s.submittedAt),
    sortValue: (s) => s.submittedAt,
  },
  {
    key: 'schritt',
    header: 'Nächster Schritt',
    cell: (s) => STAGE_NAMES[s.stage] ?? s.stage,
    sortValue: (s) => STAGE_NAMES[s.stage] ?? s.stage,
  },
];

const REPORT_COLUMNS: Column<ReportToReview>[] = [
  {
    key: 'bericht',
    header: 'Bericht',
    cell: (r) => <Link to={`/zuwendungen/${encodeURIComponent(r.grantId)}`}>{reportTitle(r)}</Link>,
    sortValue: reportTitle,
  },
  {
    key: 'zeitraum',
    header: 'Zeitraum',
    cell: (r) => `${date(r.from)} – ${date(r.to)}`,
    sortValue: (r) => r.from,
  },
  { key: 'faellig', header: 'Fällig', cell: (r) => date(r.dueDate), sortValue: (r) => r.dueDate },
  { key: 'status', header: 'Status', cell: (r) => REPORT_STATUS[r.status] ?? r.status },
];

const MISSED_COLUMNS: Column<Missed>[] = [
  {
    key: 'frist',
    header: 'Frist',
    cell: (d) => (d as { title?: string }).title ?? DEADLINE_KINDS[d.kind] ?? d.kind,
    sortValue: (d) => (d as { title?: string }).title ?? DEADLINE_KINDS[d.kind] ?? d.kind,
  },
  { key: 'faellig', header: 'Fällig war', cell: (d) => date(d.dueDate), sortValue: (d) => d.dueDate },
  {
    key: 'eskaliert',
    header: 'Eskaliert',
    cell: (d) => (d.escalatedAt ? dateTime(d.escalatedAt) : 'nein'),
    sortValue: (d) => d.escalatedAt ?? '',
  },
];

type GrantRow = Awaited<ReturnType<typeof grantsNeeding>>['items'][number];

const grantLink = (g: GrantRow) => (
  <Link to={`/zuwendungen/${encodeURIComponent(g.grantId)}`}>{g.municipalityName ?? g.ags}</Link>
);

const PAYMENT_COLUMNS: Column<GrantRow>[] = [
  { key: 'kommune', header: 'Kommune', cell: grantLink, sortValue: (g) => g.municipalityName ?? g.ags },
  { key: 'programm', header: 'Programm', cell: (g) => g.programmeTitle ?? g.programmeId },
  {
    key: 'offen',
    header: 'Abgerufen, nicht ausgezahlt',
    numeric: true,
    cell: (g) => euroCents(g.requestedCents - g.paidCents),
    sortValue: (g) => g.requestedCents - g.paidCents,
  },
];

const PROOF_COLUMNS: Column<GrantRow>[] = [
  { key: 'kommune', header: 'Kommune', cell: grantLink, sortValue: (g) => g.municipalityName ?? g.ags },
  { key: 'programm', header: 'Programm', cell: (g) => g.programmeTitle ?? g.programmeId },
  {
    key: 'eingereicht',
    header: 'Eingereicht',
    cell: (g) => dateTime((g.proofOfUse as { submittedAt?: string }).submittedAt),
    sortValue: (g) => (g.proofOfUse as { submittedAt?: string }).submittedAt ?? '',
  },
];

export function TasksPage() {
  const params = useTableParams(10);
  const { page, q, limit, set } = params;
  const kind = (params.params.get('art') as Kind | null) ?? 'einreichungen';
  const submissions = useQuery({ queryKey: ['tasks', 'submissions'], queryFn: openSubmissions });
  const toReview = useQuery({ queryKey: ['tasks', 'reports'], queryFn: reportsToReview });
  const of = (k: Kind) => (kind === k ? { page, q } : { page: 1, q: '' });
  const proofs = useQuery({
    queryKey: ['tasks', 'proofs', of('nachweise')],
    queryFn: () => grantsNeeding('proof-of-use-to-review', of('nachweise').page, limit, of('nachweise').q),
  });
  const payments = useQuery({
    queryKey: ['tasks', 'payments', of('auszahlungen')],
    queryFn: () => grantsNeeding('funds-to-pay', of('auszahlungen').page, limit, of('auszahlungen').q),
  });
  const missed = useQuery({
    queryKey: ['tasks', 'missed', kind === 'fristen' ? page : 1, kind === 'fristen' ? q : ''],
    queryFn: () => missedDeadlines(kind === 'fristen' ? page : 1, limit, kind === 'fristen' ? q : ''),
  });
  const needle = q.toLocaleLowerCase('de');
  const matches = (text: string) => !needle || text.toLocaleLowerCase('de').includes(needle);
  const tabs: { kind: Kind; label: string; count?: number }[] = [
    {
      kind: 'einreichungen',
      label: 'Einreichungen prüfen, bewerten, entscheiden',
      count: submissions.data?.length,
    },
    { kind: 'berichte', label: 'Berichte prüfen', count: toReview.data?.length },
    { kind: 'nachweise', label: 'Verwendungsnachweise prüfen', count: proofs.data?.total },
    { kind: 'auszahlungen', label: 'Mittelabrufe auszahlen', count: payments.data?.total },
    { kind: 'fristen', label: 'Versäumte Fristen', count: missed.data?.total },
  ];
  return (
    <Page title="Aufgaben">
      <ul className="tabs" aria-label="Arten von Aufgaben">
        {tabs.map((t) => (
          <li key={t.kind}>
            <Link to={`?art=${t.kind}`} aria-current={kind === t.kind ? 'page' : undefined}>
              {t.label} ({t.count ?? '…'})
            </Link>
          </li>
        ))}
      </ul>
      <SearchForm label="Aufgaben durchsuchen" q={q} onSearch={(v) => set({ suche: v, seite: undefined })} />
      {kind === 'einreichungen' && (
        <DataTable
          caption="Einreichungen mit offener Aufgabe"
          what="Einreichungen"
          columns={SUBMISSION_COLUMNS}
          rows={submissions.data?.filter((s) =>
            matches(`${s.applicant.name} ${s.callTitle} ${s.applicationId}`),
          )}
          rowKey={(s) => s.applicationId}
          params={params}
          pending={submissions.isPending}
          error={submissions.error}
          empty="Keine offenen Einreichungen."
        />
      )}
      {kind === 'nachweise' && (
        <DataTable
          caption="Eingereichte Verwendungsnachweise"
          what="Verwendungsnachweise"
          columns={PROOF_COLUMNS}
          rows={proofs.data?.items}
          total={proofs.data?.total}
          paging="server"
          rowKey={(g) => g.grantId}
          params={params}
          pending={proofs.isPending}
          error={proofs.error}
          empty="Keine Verwendungsnachweise zu prüfen."
        />
      )}
      {kind === 'auszahlungen' && (
        <DataTable
          caption="Abgerufene, noch nicht ausgezahlte Mittel"
          what="Zuwendungen"
          columns={PAYMENT_COLUMNS}
          rows={payments.data?.items}
          total={payments.data?.total}
          paging="server"
          rowKey={(g) => g.grantId}
          params={params}
          pending={payments.isPending}
          error={payments.error}
          empty="Keine Mittelabrufe auszuzahlen."
        />
      )}
      {kind === 'berichte' && (
        <DataTable
          caption="Eingereichte Berichte"
          what="Berichte"
          columns={REPORT_COLUMNS}
          rows={toReview.data?.filter((r) => matches(JSON.stringify(r)))}
          rowKey={(r) => r.reportId}
          params={params}
          pending={toReview.isPending}
          error={toReview.error}
          empty="Keine Berichte zu prüfen."
        />
      )}
      {kind === 'fristen' && (
        <DataTable
          caption="Versäumte Fristen"
          what="Fristen"
          columns={MISSED_COLUMNS}
          rows={missed.data?.items}
          rowKey={(d) => d.deadlineId}
          params={params}
          paging="server"
          total={missed.data?.total}
          pending={missed.isPending}
          error={missed.error}
          empty="Keine versäumten Fristen."
        />
      )}
    </Page>
  );
}
