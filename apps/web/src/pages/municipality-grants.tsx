import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../api/client';
import {
  grant,
  type IndicatorDefinition,
  myExpressions,
  myGrants,
  programmeRules,
  programmes,
  report,
  type Report,
  type ReportBody,
  reportsOfGrant,
  saveReportDraft,
  submitProofOfUse,
  submitReport,
} from '../api/municipality';
import { usePerson } from '../auth';
import { date, dateTime, euroCents, GRANT_STATUS, REPORT_STATUS } from '../format';
import { Badge, BackLink, Field, Loading, Notice, Page, ProblemMessage } from '../ui';

/** "40.000,50" or "40000" (euros, German) → cents; undefined when it is no amount. */
export function centsOf(text: string): number | undefined {
  const t = text.trim().replace(/\s|€/g, '');
  if (!t) return undefined;
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(t)) return Number.NaN;
  const [whole, fraction = ''] = t.replace(/\./g, '').split(',');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Cents → "40.000,50" for an input field (no currency sign: the label says €). */
export function euroInput(cents: number | undefined): string {
  if (cents === undefined) return '';
  return new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    cents / 100,
  );
}

const EOI_STATUS: Record<string, string> = { draft: 'Entwurf', submitted: 'eingereicht' };

/** "Meine Programme": every programme in which this municipality applied or holds a grant. */
export function MyProgrammesPage() {
  const person = usePerson();
  const all = useQuery({ queryKey: ['programmes'], queryFn: programmes });
  const grants = useQuery({ queryKey: ['my-grants'], queryFn: myGrants });
  const eois = useQuery({ queryKey: ['eois', 'all'], queryFn: () => myExpressions(1, 100, '') });
  const mine = (all.data?.items ?? []).filter(
    (p) =>
      grants.data?.items.some((g) => g.programmeId === p.programmeId) ||
      eois.data?.items.some((e) => e.programmeId === p.programmeId),
  );
  const loading = all.isPending || grants.isPending || eois.isPending;
  return (
    <Page title="Meine Programme">
      <p>
        Programme, an denen {person.municipalityName ?? 'Ihre Kommune'} mit einer Interessenbekundung oder
        einer Zuwendung beteiligt ist.
      </p>
      <ProblemMessage error={all.error ?? grants.error ?? eois.error} />
      {loading && <Loading what="Programme" />}
      {!loading && mine.length === 0 && (
        <p>
          Noch keine Beteiligung. <Link to="/aufrufe">Offene Aufrufe ansehen</Link>
        </p>
      )}
      {mine.map((p) => {
        const g = grants.data?.items.filter((x) => x.programmeId === p.programmeId) ?? [];
        const e = eois.data?.items.filter((x) => x.programmeId === p.programmeId) ?? [];
        return (
          <section key={p.programmeId} className="card" aria-labelledby={`prog-${p.programmeId}`}>
            <h2 id={`prog-${p.programmeId}`}>{p.title}</h2>
            {e.length > 0 && (
              <table>
                <caption>Interessenbekundungen</caption>
                <thead>
                  <tr>
                    <th scope="col">Motto</th>
                    <th scope="col">Status</th>
                    <th scope="col">Eingereicht</th>
                  </tr>
                </thead>
                <tbody>
                  {e.map((x) => (
                    <tr key={x.applicationId}>
                      <td>
                        <Link to={`/interessenbekundungen/${encodeURIComponent(x.applicationId)}`}>
                          {x.content.motto || 'Ohne Motto (Entwurf)'}
                        </Link>
                      </td>
                      <td>{EOI_STATUS[x.status] ?? x.status}</td>
                      <td>{dateTime(x.submittedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {g.length > 0 && (
              <table>
                <caption>Zuwendungen</caption>
                <thead>
                  <tr>
                    <th scope="col">Zuwendung</th>
                    <th scope="col">Zeitraum</th>
                    <th scope="col" className="num">
                      Betrag
                    </th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {g.map((x) => (
                    <tr key={x.grantId}>
                      <td>
                        <Link to={`/meine-zuwendungen/${encodeURIComponent(x.grantId)}`}>
                          {x.phaseName ?? 'Zuwendung'}
                        </Link>
                      </td>
                      <td>
                        {date(x.period.from)} bis {date(x.period.to)}
                      </td>
                      <td className="num">{euroCents(x.amountCents)}</td>
                      <td>{GRANT_STATUS[x.status] ?? x.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </Page>
  );
}

/** A grant as the municipality sees it: its reports per period and the proof of use. */
export function MyGrantPage() {
  const { grantId = '' } = useParams();
  const g = useQuery({ queryKey: ['grant', grantId], queryFn: () => grant(grantId) });
  const reports = useQuery({ queryKey: ['reports', grantId], queryFn: () => reportsOfGrant(grantId) });
  const names = useQuery({ queryKey: ['programmes'], queryFn: programmes });
  const programme = names.data?.items.find((p) => p.programmeId === g.data?.programmeId);
  return (
    <Page
      title={`Zuwendung${programme ? `: ${programme.title}` : ''}${g.data?.phaseName ? `, ${g.data.phaseName}` : ''}`}
    >
      <BackLink to="/meine-programme">Meine Programme</BackLink>
      <ProblemMessage error={g.error ?? reports.error} />
      {g.isPending && <Loading what="Die Zuwendung" />}
      {g.data && (
        <dl className="facts">
          <dt>Zeitraum</dt>
          <dd>
            {date(g.data.period.from)} bis {date(g.data.period.to)}
          </dd>
          <dt>Zuwendung</dt>
          <dd>
            {euroCents(g.data.amountCents)} (
            {(g.data.financingNames ?? []).map((f) => `${f.name} ${euroCents(f.cents)}`).join('; ')})
          </dd>
          <dt>Status</dt>
          <dd>{GRANT_STATUS[g.data.status] ?? g.data.status}</dd>
          <dt>Aktenzeichen</dt>
          <dd>
            <code>{g.data.grantId}</code>
          </dd>
        </dl>
      )}
      <h2>Berichte</h2>
      {reports.data && reports.data.items.length === 0 && <p>Noch kein Berichtszeitraum eröffnet.</p>}
      {reports.data && reports.data.items.length > 0 && (
        <table>
          <caption>Berichte je Zeitraum</caption>
          <thead>
            <tr>
              <th scope="col">Zeitraum</th>
              <th scope="col">Fällig am</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {reports.data.items.map((r) => (
              <tr key={r.reportId}>
                <td>
                  <Link to={`/berichte/${encodeURIComponent(r.reportId)}`}>
                    Bericht {date(r.from)} bis {date(r.to)}
                  </Link>
                </td>
                <td>{date(r.dueDate)}</td>
                <td>
                  <Badge tone={r.status === 'accepted' ? 'ok' : r.status === 'returned' ? 'bad' : 'warn'}>
                    {REPORT_STATUS[r.status] ?? r.status}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {g.data && (
        <ProofOfUseForm
          grantId={grantId}
          proof={(g.data as { proofOfUse?: unknown }).proofOfUse}
          sources={g.data.financingNames ?? []}
        />
      )}
    </Page>
  );
}

/** Amounts as typed, by source id. */
type Amounts = Record<string, string>;

/** A source of the grant's notice as the form names it. */
type SourceName = { sourceId: string; name: string };

/**
 * Which field a refusal of a report or proof of use concerns (validator paths, rule facts).
 * `sourceIds`: the sources the amounts were sent for, in the order sent (`expenditure.<i>.cents`
 * is the i-th); refusals that name a source (`source`) concern its field.
 */
function amountErrorsOf(error: unknown, sourceIds: readonly string[] = []): Record<string, string[]> {
  if (!(error instanceof ApiProblem)) return {};
  const out: Record<string, string[]> = {};
  const add = (key: string, text: string) => (out[key] = [...(out[key] ?? []), text]);
  const keyOf = (path: string) => {
    const entry = /^expenditure\.(\d+)\./.exec(path);
    if (entry && sourceIds[Number(entry[1])]) return sourceIds[Number(entry[1])];
    if (sourceIds.includes(path)) return path;
    if (/esf/i.test(path)) return 'esf';
    if (/land/i.test(path)) return 'land';
    if (/own/i.test(path)) return 'own';
    if (path.startsWith('indicators.')) return `indicator:${path.slice('indicators.'.length)}`;
    if (/narrative|factualReport/.test(path)) return 'text';
    return path;
  };
  for (const [field, messages] of Object.entries(error.fieldErrors))
    for (const m of messages) add(keyOf(field), m);
  const facts = error.extensions;
  if (typeof facts.source === 'string') add(keyOf(facts.source), error.detail);
  for (const path of [...((facts.fields as string[]) ?? []), ...((facts.missing as string[]) ?? [])]) {
    const keys =
      path === 'expenditure' ? (sourceIds.length ? sourceIds : ['esf', 'land', 'own']) : [keyOf(path)];
    for (const key of keys)
      add(
        key,
        error.code === 'esf-report-incomplete'
          ? 'Bitte ausfüllen: Diese Angabe fehlt für die Einreichung.'
          : error.detail,
      );
  }
  if (error.code === 'expenditure-total-mismatch') add(sourceIds[0] ?? 'esf', error.detail);
  if (/factual-report/.test(error.code)) add('text', error.detail);
  if (/beyond-grant/.test(error.code)) for (const key of ['esf', 'land']) add(key, error.detail);
  return out;
}

/** One amount field per source of the grant's notice, named as its terms name the source. */
function AmountFields({
  sources,
  amounts,
  set,
  errors,
  disabled,
}: {
  sources: SourceName[];
  amounts: Amounts;
  set: (a: Amounts) => void;
  errors: Record<string, string[]>;
  disabled: boolean;
}) {
  return (
    <fieldset>
      <legend>Ausgaben nach Finanzierungsquelle</legend>
      {sources.map(({ sourceId, name }) => (
        <Field
          key={sourceId}
          label={`Ausgaben aus „${name}“ in €`}
          errors={errors[sourceId]}
          hint="z. B. 12.500,00"
        >
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="decimal"
              value={amounts[sourceId] ?? ''}
              disabled={disabled}
              onChange={(e) => set({ ...amounts, [sourceId]: e.target.value })}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}

/** The indicator definitions for a report: from the report if it names them, else the programme's terms. */
function useIndicatorDefinitions(r: Report | undefined): IndicatorDefinition[] | undefined {
  const fromReport = (r as { indicatorDefinitions?: IndicatorDefinition[] } | undefined)
    ?.indicatorDefinitions;
  const rules = useQuery({
    queryKey: ['programme-rules', r?.programmeId],
    queryFn: () => programmeRules(r?.programmeId ?? ''),
    enabled: !!r && !fromReport,
    retry: false,
  });
  if (!r) return undefined;
  if (fromReport) return fromReport;
  if (rules.isPending && !rules.isError) return undefined;
  const inForce = [...(rules.data?.items ?? [])]
    .filter((v) => v.effectiveFrom <= r.to)
    .sort((a, b) => b.version - a.version)[0];
  const defined = (inForce?.rules as { reporting?: { indicators?: IndicatorDefinition[] } } | undefined)
    ?.reporting?.indicators;
  if (defined?.length) return defined;
  // No terms to read them from: the figures the report already holds.
  const seen = new Set(
    [r.draft.indicators, r.submitted?.indicators, r.accepted?.indicators].flatMap((i) =>
      Object.keys(i ?? {}),
    ),
  );
  return [...seen].map((indicatorId) => ({
    indicatorId,
    name: indicatorId,
    unit: '',
    type: 'integer',
    required: false,
  }));
}

/**
 * The sources a report states, in the notice's order: the grant's named sources; while the grant
 * is not readable, the sources the report already holds, by id. Undefined while loading.
 */
function sourcesOf(
  r: Report | undefined,
  named: { sourceId: string; name: string }[] | undefined,
  grantUnreadable: boolean,
): SourceName[] | undefined {
  if (!r || (!named && !grantUnreadable)) return undefined;
  if (named?.length) return named.map(({ sourceId, name }) => ({ sourceId, name }));
  const held = [r.draft.expenditure, r.submitted?.expenditure, r.accepted?.expenditure].find(
    (e) => e?.length,
  );
  return (held ?? []).map(({ sourceId }) => ({ sourceId, name: sourceId }));
}

export function ReportPage() {
  const { reportId = '' } = useParams();
  const client = useQueryClient();
  const r = useQuery({ queryKey: ['report', reportId], queryFn: () => report(reportId) });
  const definitions = useIndicatorDefinitions(r.data);
  // The report states the money per source of the grant's notice, named as its terms name them.
  const g = useQuery({
    queryKey: ['grant', r.data?.grantId],
    queryFn: () => grant(r.data?.grantId ?? ''),
    enabled: !!r.data,
  });
  const sources = sourcesOf(r.data, g.data?.financingNames, g.isError);
  const [amounts, setAmounts] = useState<Amounts>();
  const [indicators, setIndicators] = useState<Record<string, string>>({});
  const [narrative, setNarrative] = useState('');
  const [done, setDone] = useState<string>();
  useEffect(() => {
    if (!r.data || amounts) return;
    const source =
      r.data.status === 'open' || r.data.status === 'returned'
        ? r.data.draft
        : (r.data.submitted ?? r.data.draft);
    setAmounts(Object.fromEntries((source.expenditure ?? []).map((e) => [e.sourceId, euroInput(e.cents)])));
    setIndicators(
      Object.fromEntries(Object.entries(source.indicators ?? {}).map(([k, v]) => [k, String(v)])),
    );
    setNarrative(source.narrative ?? '');
  }, [r.data, amounts]);
  const bodyOf = (): ReportBody => {
    const body: Record<string, unknown> = {};
    if (amounts && sources && sources.some((s) => amounts[s.sourceId]?.trim())) {
      body.expenditure = sources.map(({ sourceId }) => ({
        sourceId,
        cents: centsOf(amounts[sourceId] ?? '') ?? 0,
      }));
    }
    const figures = Object.entries(indicators).filter(([, v]) => v.trim() !== '');
    if (figures.length)
      body.indicators = Object.fromEntries(figures.map(([k, v]) => [k, Number(v.replace(',', '.'))]));
    if (narrative.trim()) body.narrative = narrative.trim();
    return body as ReportBody;
  };
  const save = useMutation({
    mutationFn: async (andSubmit: boolean) => {
      const body = bodyOf();
      if (andSubmit) await submitReport(reportId, body);
      else await saveReportDraft(reportId, body);
      return andSubmit;
    },
    onSuccess: async (submitted) => {
      setDone(submitted ? 'Der Bericht ist eingereicht.' : 'Der Entwurf ist gespeichert.');
      await client.invalidateQueries({ queryKey: ['report', reportId] });
    },
    onError: () => setDone(undefined),
  });
  const errors = amountErrorsOf(
    save.error,
    (sources ?? []).map((s) => s.sourceId),
  );
  const readOnly = r.data ? r.data.status === 'submitted' || r.data.status === 'accepted' : true;
  return (
    <Page title={r.data ? `Bericht ${date(r.data.from)} bis ${date(r.data.to)}` : 'Bericht'}>
      {r.data && (
        <BackLink to={`/meine-zuwendungen/${encodeURIComponent(r.data.grantId)}`}>Zur Zuwendung</BackLink>
      )}
      <ProblemMessage error={r.error} />
      {r.isPending && <Loading what="Der Bericht" />}
      {r.data && amounts && sources && (
        <>
          <dl className="facts">
            <dt>Fällig am</dt>
            <dd>{date(r.data.dueDate)}</dd>
            <dt>Status</dt>
            <dd>
              <Badge
                tone={r.data.status === 'accepted' ? 'ok' : r.data.status === 'returned' ? 'bad' : 'warn'}
              >
                {REPORT_STATUS[r.data.status] ?? r.data.status}
              </Badge>
            </dd>
            {r.data.remarks && (
              <>
                <dt>Anmerkungen der Bewilligungsstelle</dt>
                <dd>{r.data.remarks}</dd>
              </>
            )}
          </dl>
          {done && <Notice>{done}</Notice>}
          <ProblemMessage error={save.error} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(false);
            }}
          >
            <AmountFields
              sources={sources}
              amounts={amounts}
              set={setAmounts}
              errors={errors}
              disabled={readOnly}
            />
            <fieldset>
              <legend>Indikatoren</legend>
              {definitions === undefined && <Loading what="Die Indikatoren" />}
              {definitions?.map((d) => (
                <Field
                  key={d.indicatorId}
                  label={`${d.name}${d.unit ? ` (${d.unit})` : ''}${d.required ? '' : ' – freiwillig'}`}
                  errors={errors[`indicator:${d.indicatorId}`]}
                  hint={d.type === 'integer' ? 'Ganze Zahl' : 'Zahl, z. B. 12,5'}
                >
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      inputMode={d.type === 'integer' ? 'numeric' : 'decimal'}
                      value={indicators[d.indicatorId] ?? ''}
                      disabled={readOnly}
                      onChange={(e) => setIndicators({ ...indicators, [d.indicatorId]: e.target.value })}
                    />
                  )}
                </Field>
              ))}
            </fieldset>
            <Field label="Sachbericht" errors={errors.text}>
              {(props) => (
                <textarea
                  {...props}
                  value={narrative}
                  disabled={readOnly}
                  onChange={(e) => setNarrative(e.target.value)}
                />
              )}
            </Field>
            {!readOnly && (
              <div className="actions">
                <button type="submit" disabled={save.isPending}>
                  Entwurf speichern
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={save.isPending}
                  onClick={() => save.mutate(true)}
                >
                  Bericht einreichen
                </button>
              </div>
            )}
          </form>
          {r.data.history.length > 0 && (
            <>
              <h2>Verlauf</h2>
              <ul>
                {r.data.history.map((h) => (
                  <li key={h.eventId}>
                    {dateTime(h.at)}: {REPORT_STEP[h.step] ?? h.step}
                    {h.remarks ? ` – ${h.remarks}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Page>
  );
}

const REPORT_STEP: Record<string, string> = {
  submitted: 'eingereicht',
  returned: 'zurückgegeben',
  accepted: 'angenommen',
  opened: 'Berichtszeitraum eröffnet',
  'draft-saved': 'Entwurf gespeichert',
};

/** The proof of use states what was spent from each source of the grant's financing plan. */
function ProofOfUseForm({
  grantId,
  proof,
  sources,
}: {
  grantId: string;
  proof: unknown;
  sources: { sourceId: string; name: string }[];
}) {
  const client = useQueryClient();
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [factualReport, setFactualReport] = useState('');
  const [note, setNote] = useState('');
  const send = useMutation({
    mutationFn: () =>
      submitProofOfUse(grantId, {
        factualReport: factualReport.trim(),
        expenditure: sources.map((s) => ({
          sourceId: s.sourceId,
          cents: centsOf(amounts[s.sourceId] ?? '') ?? 0,
        })),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['grant', grantId] }),
  });
  const p = proof as { status?: string; submittedAt?: string } | undefined;
  const errors = amountErrorsOf(send.error);
  return (
    <section aria-labelledby="vn">
      <h2 id="vn">Verwendungsnachweis</h2>
      {p?.status && p.status !== 'not-submitted' && p.status !== 'returned' ? (
        <p>
          Eingereicht {dateTime(p.submittedAt)} – Stand: {REPORT_STATUS[p.status] ?? p.status}
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          {send.isSuccess && <Notice>Der Verwendungsnachweis ist eingereicht.</Notice>}
          <ProblemMessage error={send.error} />
          <Field label="Sachbericht zum Verwendungsnachweis" errors={errors.text}>
            {(props) => (
              <textarea {...props} value={factualReport} onChange={(e) => setFactualReport(e.target.value)} />
            )}
          </Field>
          <fieldset>
            <legend>Ausgaben nach Finanzierungsquelle</legend>
            {sources.map((source, i) => (
              <Field
                key={source.sourceId}
                label={`Ausgaben aus „${source.name}“ in €`}
                errors={errors[`expenditure.${i}.cents`]}
                hint="z. B. 12.500,00"
              >
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    inputMode="decimal"
                    value={amounts[source.sourceId] ?? ''}
                    onChange={(e) => setAmounts({ ...amounts, [source.sourceId]: e.target.value })}
                  />
                )}
              </Field>
            ))}
          </fieldset>
          <Field label="Bemerkung (freiwillig)">
            {(props) => (
              <input {...props} type="text" value={note} onChange={(e) => setNote(e.target.value)} />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="primary" disabled={send.isPending}>
              Verwendungsnachweis einreichen
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
