import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { downloadFile } from '../../api/client';
import {
  acceptProofOfUse,
  disbursements,
  grant as getGrant,
  type Grant,
  payDisbursement,
  reports,
  returnProofOfUse,
} from '../../api/office';
import { type Column, DataTable, useTableParams } from '../../components/DataTable';
import { date, dateTime, euroCents, GRANT_STATUS, REPORT_STATUS } from '../../format';
import { BackLink, Field, Loading, Notice, Page, ProblemMessage } from '../../ui';
import { RevocationForm } from './revocation';
import { recipientName } from './grants';

type Disbursement = Awaited<ReturnType<typeof disbursements>>['items'][number];
type Report = Awaited<ReturnType<typeof reports>>['items'][number];

const PROOF_STATUS: Record<string, string> = {
  'not-submitted': 'noch nicht eingereicht',
  submitted: 'eingereicht – zu prüfen',
  returned: 'zur Korrektur zurückgegeben',
  accepted: 'angenommen',
};

const REPORT_COLUMNS: Column<Report>[] = [
  {
    key: 'zeitraum',
    header: 'Zeitraum',
    cell: (x) => `${date(x.from)} – ${date(x.to)}`,
    sortValue: (x) => x.from,
  },
  { key: 'faellig', header: 'Fällig', cell: (x) => date(x.dueDate), sortValue: (x) => x.dueDate },
  { key: 'status', header: 'Status', cell: (x) => REPORT_STATUS[x.status] ?? x.status },
];

function PayButton({ grantId, d, paidOn }: { grantId: string; d: Disbursement; paidOn: string }) {
  const client = useQueryClient();
  const pay = useMutation({
    mutationFn: () => payDisbursement(grantId, d.disbursementId, paidOn),
    onSuccess: () => client.invalidateQueries({ queryKey: ['grant', grantId] }),
  });
  return (
    <>
      <button type="button" disabled={pay.isPending} onClick={() => pay.mutate()}>
        Zahlung über {euroCents(d.amountCents)} am {date(paidOn)} erfassen
      </button>
      <ProblemMessage error={pay.error} />
    </>
  );
}

function Disbursements({ grantId }: { grantId: string }) {
  const params = useTableParams(50, 'auszahlungen-');
  const list = useQuery({
    queryKey: ['grant', grantId, 'disbursements'],
    queryFn: () => disbursements(grantId),
  });
  const [paidOn, setPaidOn] = useState(() => new Date().toISOString().slice(0, 10));
  const columns: Column<Disbursement>[] = [
    { key: 'faellig', header: 'Fällig', cell: (x) => date(x.dueDate), sortValue: (x) => x.dueDate },
    { key: 'angefordert', header: 'Angefordert', cell: (x) => dateTime(x.requestedAt) },
    {
      key: 'betrag',
      header: 'Betrag',
      numeric: true,
      cell: (x) => euroCents(x.amountCents),
      sortValue: (x) => x.amountCents,
    },
    {
      key: 'quellen',
      header: 'davon je Mittelgeber',
      cell: (x) => (x.bySource ?? []).map((p) => `${p.name} ${euroCents(p.cents)}`).join(', '),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (x) =>
        x.status === 'paid' ? (
          `gezahlt am ${date(x.paidOn)}`
        ) : (
          <PayButton grantId={grantId} d={x} paidOn={paidOn} />
        ),
    },
  ];
  return (
    <>
      <h2>Auszahlungen</h2>
      <Field label="Zahltag für neue Zahlungen" hint="Das Datum, an dem die Kasse gezahlt hat.">
        {(props) => (
          <input type="date" {...props} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
        )}
      </Field>
      <DataTable
        caption="Mittelabrufe und Zahlungen"
        what="Auszahlungen"
        columns={columns}
        rows={list.data?.items}
        rowKey={(x) => x.disbursementId}
        params={params}
        paging="server"
        total={list.data?.total}
        pending={list.isPending}
        error={list.error}
        empty="Noch keine Mittel abgerufen."
      />
    </>
  );
}

function ProofOfUse({ g }: { g: Grant }) {
  const client = useQueryClient();
  const [remarks, setRemarks] = useState('');
  const [done, setDone] = useState<string>();
  const refresh = () => client.invalidateQueries({ queryKey: ['grant', g.grantId] });
  const accept = useMutation({
    mutationFn: () => acceptProofOfUse(g.grantId),
    onSuccess: () => (setDone('Der Verwendungsnachweis ist angenommen.'), refresh()),
  });
  const giveBack = useMutation({
    mutationFn: () => returnProofOfUse(g.grantId, remarks.trim()),
    onSuccess: () => (setDone('Der Verwendungsnachweis ist zur Korrektur zurückgegeben.'), refresh()),
  });
  const p = g.proofOfUse;
  const remarksErrors =
    giveBack.error instanceof Error && 'fieldErrors' in giveBack.error
      ? (giveBack.error as { fieldErrors: Record<string, string[]> }).fieldErrors.remarks
      : undefined;
  return (
    <>
      <h2>Verwendungsnachweis</h2>
      {done && <Notice>{done}</Notice>}
      <dl className="facts">
        <dt>Stand</dt>
        <dd>{PROOF_STATUS[p.status] ?? p.status}</dd>
        {p.submittedAt && (
          <>
            <dt>Eingereicht</dt>
            <dd>{dateTime(p.submittedAt)}</dd>
          </>
        )}
        {p.factualReport && (
          <>
            <dt>Sachbericht</dt>
            <dd>{p.factualReport}</dd>
          </>
        )}
        {p.publicUsedCents !== undefined && (
          <>
            <dt>Verwendete öffentliche Mittel</dt>
            <dd>{euroCents(p.publicUsedCents)}</dd>
          </>
        )}
        <dt>Zu erstatten</dt>
        <dd>{euroCents(p.refundableCents)}</dd>
      </dl>
      {p.returns.length > 0 && (
        <ul>
          {p.returns.map((r) => (
            <li key={r.submission}>
              Zurückgegeben am {dateTime(r.returnedAt)}: {r.remarks}
            </li>
          ))}
        </ul>
      )}
      {p.status === 'submitted' && (
        <>
          <ProblemMessage error={accept.error} />
          <button
            type="button"
            className="primary"
            disabled={accept.isPending}
            onClick={() => accept.mutate()}
          >
            Verwendungsnachweis annehmen
          </button>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              giveBack.mutate();
            }}
          >
            <Field label="Anmerkungen für die Korrektur" errors={remarksErrors}>
              {(props) => (
                <textarea {...props} value={remarks} onChange={(e) => setRemarks(e.target.value)} />
              )}
            </Field>
            {!remarksErrors && <ProblemMessage error={giveBack.error} />}
            <button type="submit" disabled={giveBack.isPending}>
              Zur Korrektur zurückgeben
            </button>
          </form>
        </>
      )}
    </>
  );
}

export function GrantPage() {
  const { grantId = '' } = useParams();
  const params = useTableParams(20, 'berichte-');
  const g = useQuery({ queryKey: ['grant', grantId], queryFn: () => getGrant(grantId) });
  const r = useQuery({ queryKey: ['grant', grantId, 'reports'], queryFn: () => reports(grantId) });
  const [pdfError, setPdfError] = useState<unknown>();
  const x = g.data;
  return (
    <Page title={x ? `Zuwendung: ${recipientName(x)}` : 'Zuwendung'}>
      <BackLink to="/zuwendungen">Zuwendungen</BackLink>
      <ProblemMessage error={g.error} />
      {g.isPending && <Loading what="Die Zuwendung" />}
      {x && (
        <>
          <dl className="facts">
            <dt>Programm</dt>
            <dd>{x.programmeTitle ?? x.programmeId}</dd>
            <dt>Empfänger</dt>
            <dd>{recipientName(x)}</dd>
            <dt>Koordination</dt>
            <dd>{x.coordinator?.name ?? '–'}</dd>
            <dt>Phase</dt>
            <dd>{x.phaseName ?? '–'}</dd>
            <dt>Bewilligt</dt>
            <dd>
              {euroCents(x.amountCents)} am {date(x.issuedAt)}
            </dd>
            <dt>Bewilligungszeitraum</dt>
            <dd>
              {date(x.period.from)} – {date(x.period.to)}
            </dd>
            <dt>Ausgezahlt</dt>
            <dd>{euroCents(x.paidCents)}</dd>
            <dt>Status</dt>
            <dd>{GRANT_STATUS[x.status] ?? x.status}</dd>
          </dl>
          <h2>Bescheid</h2>
          {x.noticeDocument ? (
            <p>
              <button
                type="button"
                onClick={() =>
                  downloadFile(
                    `/grants/${encodeURIComponent(grantId)}/notice.pdf`,
                    x.noticeDocument!.fileName,
                  ).catch(setPdfError)
                }
              >
                Zuwendungsbescheid herunterladen (PDF)
              </button>{' '}
              <span className="muted">
                erstellt am {dateTime(x.noticeDocument.generatedAt)}, SHA-256{' '}
                {x.noticeDocument.sha256.slice(0, 16)}…
              </span>
            </p>
          ) : (
            <p>Für diese Zuwendung ist kein Bescheid als Dokument erfasst.</p>
          )}
          <ProblemMessage error={pdfError} />
          <Disbursements grantId={grantId} />
          <h2>Berichte</h2>
          <DataTable
            caption="Berichte"
            what="Berichte"
            columns={REPORT_COLUMNS}
            rows={r.data?.items}
            rowKey={(y) => y.reportId}
            params={params}
            paging="none"
            pending={r.isPending}
            error={r.error}
            empty="Noch keine Berichtszeiträume."
          />
          <ProofOfUse g={x} />
          <RevocationForm g={x} />
        </>
      )}
    </Page>
  );
}
