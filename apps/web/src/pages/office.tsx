import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  allCalls,
  call as getCall,
  callSelection,
  decide,
  disbursements,
  grant as getGrant,
  grants,
  missedDeadlines,
  recordAssessment,
  recordFormalCheck,
  reports,
  selection as getSelection,
} from '../api/office';
import { expression } from '../api/municipality';
import {
  date,
  dateTime,
  DEADLINE_KINDS,
  euroCents,
  GRANT_STATUS,
  REPORT_STATUS,
  STAGE_NAMES,
} from '../format';
import {
  Badge,
  BackLink,
  Field,
  Loading,
  Notice,
  Page,
  Pager,
  ProblemMessage,
  SearchForm,
  useListParams,
} from '../ui';

type Kind = 'einreichungen' | 'berichte' | 'fristen';
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

/** Reports submitted and waiting for review, across the grants (first 100 grants). */
async function reportsToReview() {
  const list = await grants(1, 100, '');
  const perGrant = await Promise.all(list.items.map((g) => reports(g.grantId)));
  return perGrant
    .flatMap((page) => ('items' in page ? page.items : (page as unknown as never[])))
    .filter((r) => r.status === 'submitted');
}

export function TasksPage() {
  const { page, q, limit, params, set } = useListParams(10);
  const kind = (params.get('art') as Kind | null) ?? 'einreichungen';
  const submissions = useQuery({ queryKey: ['tasks', 'submissions'], queryFn: openSubmissions });
  const toReview = useQuery({ queryKey: ['tasks', 'reports'], queryFn: reportsToReview });
  const missed = useQuery({
    queryKey: ['tasks', 'missed', kind === 'fristen' ? page : 1, kind === 'fristen' ? q : ''],
    queryFn: () => missedDeadlines(kind === 'fristen' ? page : 1, limit, kind === 'fristen' ? q : ''),
  });
  const needle = q.toLocaleLowerCase('de');
  const filteredSubmissions = (submissions.data ?? []).filter(
    (s) =>
      !needle ||
      `${s.applicant.name} ${s.callTitle} ${s.applicationId}`.toLocaleLowerCase('de').includes(needle),
  );
  const filteredReports = (toReview.data ?? []).filter(
    (r) => !needle || JSON.stringify(r).toLocaleLowerCase('de').includes(needle),
  );
  const tabs: { kind: Kind; label: string; count?: number }[] = [
    {
      kind: 'einreichungen',
      label: 'Einreichungen prüfen, bewerten, entscheiden',
      count: submissions.data?.length,
    },
    { kind: 'berichte', label: 'Berichte prüfen', count: toReview.data?.length },
    { kind: 'fristen', label: 'Versäumte Fristen', count: missed.data?.total },
  ];
  const slice = <T,>(items: T[]) => items.slice((page - 1) * limit, page * limit);
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
        <>
          <ProblemMessage error={submissions.error} />
          {submissions.isPending && <Loading what="Einreichungen" />}
          {submissions.data && (
            <>
              <table>
                <caption>Einreichungen mit offener Aufgabe</caption>
                <thead>
                  <tr>
                    <th scope="col">Kommune</th>
                    <th scope="col">Aufruf</th>
                    <th scope="col">Eingereicht</th>
                    <th scope="col">Nächster Schritt</th>
                  </tr>
                </thead>
                <tbody>
                  {slice(filteredSubmissions).map((s) => (
                    <tr key={s.applicationId}>
                      <td>
                        <Link to={`/auswahl/${encodeURIComponent(s.applicationId)}`}>{s.applicant.name}</Link>
                      </td>
                      <td>{s.callTitle}</td>
                      <td>{dateTime(s.submittedAt)}</td>
                      <td>{STAGE_NAMES[s.stage] ?? s.stage}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                page={page}
                limit={limit}
                total={filteredSubmissions.length}
                onPage={(p) => set({ seite: String(p) })}
              />
            </>
          )}
        </>
      )}
      {kind === 'berichte' && (
        <>
          <ProblemMessage error={toReview.error} />
          {toReview.isPending && <Loading what="Berichte" />}
          {toReview.data && (
            <>
              <table>
                <caption>Eingereichte Berichte</caption>
                <thead>
                  <tr>
                    <th scope="col">Bericht</th>
                    <th scope="col">Zeitraum</th>
                    <th scope="col">Fällig</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {slice(filteredReports).map((r) => (
                    <tr key={r.reportId}>
                      <td>
                        <Link to={`/zuwendungen/${encodeURIComponent(r.grantId)}`}>
                          {(r as { title?: string }).title ?? `Bericht ${date(r.from)} – ${date(r.to)}`}
                        </Link>
                      </td>
                      <td>
                        {date(r.from)} – {date(r.to)}
                      </td>
                      <td>{date(r.dueDate)}</td>
                      <td>{REPORT_STATUS[r.status] ?? r.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                page={page}
                limit={limit}
                total={filteredReports.length}
                onPage={(p) => set({ seite: String(p) })}
              />
            </>
          )}
        </>
      )}
      {kind === 'fristen' && (
        <>
          <ProblemMessage error={missed.error} />
          {missed.isPending && <Loading what="Fristen" />}
          {missed.data && (
            <>
              <table>
                <caption>Versäumte Fristen</caption>
                <thead>
                  <tr>
                    <th scope="col">Frist</th>
                    <th scope="col">Fällig war</th>
                    <th scope="col">Eskaliert</th>
                  </tr>
                </thead>
                <tbody>
                  {missed.data.items.map((d) => (
                    <tr key={d.deadlineId}>
                      <td>{(d as { title?: string }).title ?? DEADLINE_KINDS[d.kind] ?? d.kind}</td>
                      <td>{date(d.dueDate)}</td>
                      <td>{d.escalatedAt ? dateTime(d.escalatedAt) : 'nein'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                page={page}
                limit={limit}
                total={missed.data.total}
                onPage={(p) => set({ seite: String(p) })}
              />
            </>
          )}
        </>
      )}
    </Page>
  );
}

const OUTCOMES: Record<string, string> = {
  selected: 'ausgewählt',
  waitlisted: 'Nachrückliste',
  rejected: 'abgelehnt',
};

export function SubmissionPage() {
  const { applicationId = '' } = useParams();
  const client = useQueryClient();
  const sel = useQuery({
    queryKey: ['selection', applicationId],
    queryFn: () => getSelection(applicationId),
  });
  const eoi = useQuery({ queryKey: ['eoi', applicationId], queryFn: () => expression(applicationId) });
  const callId = sel.data?.callId;
  const call = useQuery({
    queryKey: ['call', callId],
    queryFn: () => getCall(callId ?? ''),
    enabled: !!callId,
  });
  const [scores, setScores] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<'selected' | 'waitlisted' | 'rejected'>('selected');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string>();
  const refresh = () => client.invalidateQueries({ queryKey: ['selection', applicationId] });
  const check = useMutation({
    mutationFn: () => recordFormalCheck(applicationId, []),
    onSuccess: () => (setDone('Die formale Prüfung ist erfasst.'), refresh()),
  });
  const assess = useMutation({
    mutationFn: () =>
      recordAssessment(applicationId, {
        scores: Object.entries(scores).map(([criterionId, score]) => ({ criterionId, score: Number(score) })),
      }),
    onSuccess: () => (setDone('Ihre Bewertung ist erfasst.'), refresh()),
  });
  const decision = useMutation({
    mutationFn: () => decide(applicationId, { outcome, reasons: reason.trim() ? [reason.trim()] : [] }),
    onSuccess: () => (
      setDone('Die Entscheidung ist erfasst.'),
      refresh(),
      client.invalidateQueries({ queryKey: ['tasks'] })
    ),
  });
  const s = sel.data;
  const criteria = call.data?.assessmentCriteria ?? [];
  return (
    <Page title={s ? `Einreichung: ${s.applicant.name}` : 'Einreichung'}>
      <BackLink to="/aufgaben">Aufgaben</BackLink>
      <ProblemMessage error={sel.error} />
      {sel.isPending && <Loading what="Die Einreichung" />}
      {done && <Notice>{done}</Notice>}
      <ProblemMessage error={check.error ?? assess.error ?? decision.error} />
      {s && (
        <>
          <dl className="facts">
            <dt>Aufruf</dt>
            <dd>{call.data?.title ?? s.callId}</dd>
            <dt>Kommune</dt>
            <dd>
              {s.applicant.name}
              {s.members.length > 0 && ` mit ${s.members.map((m) => m.name).join(', ')}`}
            </dd>
            <dt>Eingereicht</dt>
            <dd>{dateTime(s.submittedAt)}</dd>
            <dt>Stand</dt>
            <dd>
              <Badge
                tone={
                  s.stage === 'selected'
                    ? 'ok'
                    : s.stage === 'rejected' || s.stage === 'formal-check-failed'
                      ? 'bad'
                      : 'warn'
                }
              >
                {STAGE_NAMES[s.stage] ?? s.stage}
              </Badge>
            </dd>
            {s.averageScore !== undefined && (
              <>
                <dt>Mittlere Bewertung</dt>
                <dd>{s.averageScore.toLocaleString('de-DE', { maximumFractionDigits: 2 })}</dd>
              </>
            )}
          </dl>
          {eoi.data && (
            <>
              <h2>Inhalt</h2>
              <dl className="facts">
                <dt>Motto</dt>
                <dd>{eoi.data.content.motto ?? '–'}</dd>
                <dt>Ziele</dt>
                <dd>{eoi.data.content.goals ?? '–'}</dd>
                <dt>Maßnahmen</dt>
                <dd>{eoi.data.content.measures ?? '–'}</dd>
                <dt>Koordination</dt>
                <dd>{eoi.data.content.coordinator?.name ?? '–'}</dd>
              </dl>
            </>
          )}
          <h2>Formale Prüfung</h2>
          {s.formalCheck ? (
            <p>
              {s.formalCheck.passed ? 'Bestanden' : 'Nicht bestanden'} am {dateTime(s.formalCheck.checkedAt)}
              {s.formalCheck.reasons.length > 0 && `: ${s.formalCheck.reasons.join('; ')}`}
            </p>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={check.isPending}
              onClick={() => check.mutate()}
            >
              Formale Prüfung erfassen
            </button>
          )}
          <h2>Bewertungen</h2>
          {s.assessments.length === 0 && <p>Noch keine Bewertung.</p>}
          <ul>
            {s.assessments.map((a) => (
              <li key={a.assessor}>
                {a.assessorName ?? a.assessor}: {a.weightedScore.toLocaleString('de-DE')} Punkte (
                {dateTime(a.scoredAt)})
              </li>
            ))}
          </ul>
          {s.stage === 'in-assessment' && criteria.length > 0 && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                assess.mutate();
              }}
            >
              <fieldset>
                <legend>Eigene Bewertung (0 bis 10 Punkte je Kriterium)</legend>
                {criteria.map((c) => (
                  <Field key={c.criterionId} label={`${c.title} (Gewicht ${c.weight})`}>
                    {(props) => (
                      <input
                        type="number"
                        min={0}
                        max={10}
                        required
                        {...props}
                        value={scores[c.criterionId] ?? ''}
                        onChange={(e) => setScores({ ...scores, [c.criterionId]: e.target.value })}
                      />
                    )}
                  </Field>
                ))}
                <button type="submit" disabled={assess.isPending}>
                  Bewertung speichern
                </button>
              </fieldset>
            </form>
          )}
          <h2>Entscheidung</h2>
          {s.decision ? (
            <p>
              <Badge tone={s.decision.outcome === 'selected' ? 'ok' : 'bad'}>
                {OUTCOMES[s.decision.outcome]}
              </Badge>{' '}
              am {dateTime(s.decision.decidedAt)}
              {s.decision.amountCents !== undefined && `, Förderbetrag ${euroCents(s.decision.amountCents)}`}
              {s.decision.reasons.length > 0 && ` – ${s.decision.reasons.join('; ')}`}
            </p>
          ) : s.stage === 'in-assessment' ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                decision.mutate();
              }}
            >
              <fieldset>
                <legend>Ergebnis</legend>
                {(['selected', 'waitlisted', 'rejected'] as const).map((o) => (
                  <div className="radio" key={o}>
                    <input
                      type="radio"
                      id={`ergebnis-${o}`}
                      name="ergebnis"
                      checked={outcome === o}
                      onChange={() => setOutcome(o)}
                    />
                    <label htmlFor={`ergebnis-${o}`}>{OUTCOMES[o]}</label>
                  </div>
                ))}
              </fieldset>
              <Field label="Begründung" errors={decision.error ? undefined : undefined}>
                {(props) => (
                  <textarea {...props} value={reason} onChange={(e) => setReason(e.target.value)} />
                )}
              </Field>
              <button type="submit" className="primary" disabled={decision.isPending}>
                Entscheidung erfassen
              </button>
            </form>
          ) : (
            <p>Eine Entscheidung ist nach der formalen Prüfung möglich.</p>
          )}
        </>
      )}
    </Page>
  );
}

export function GrantsPage() {
  const { page, q, limit, set } = useListParams();
  const list = useQuery({ queryKey: ['grants', page, q], queryFn: () => grants(page, limit, q) });
  return (
    <Page title="Zuwendungen">
      <SearchForm
        label="Zuwendungen durchsuchen"
        q={q}
        onSearch={(v) => set({ suche: v, seite: undefined })}
      />
      <ProblemMessage error={list.error} />
      {list.isPending && <Loading what="Zuwendungen" />}
      {list.data && (
        <table>
          <caption>Bewilligte Zuwendungen</caption>
          <thead>
            <tr>
              <th scope="col">Empfänger</th>
              <th scope="col">Phase</th>
              <th scope="col" className="num">
                Betrag
              </th>
              <th scope="col" className="num">
                Ausgezahlt
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((g) => (
              <tr key={g.grantId}>
                <td>
                  <Link to={`/zuwendungen/${encodeURIComponent(g.grantId)}`}>
                    {(g as { recipientName?: string }).recipientName ?? g.coordinator?.name ?? g.ags}
                  </Link>
                </td>
                <td>{g.phaseName ?? '–'}</td>
                <td className="num">{euroCents(g.amountCents)}</td>
                <td className="num">{euroCents(g.paidCents)}</td>
                <td>{GRANT_STATUS[g.status] ?? g.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && (
        <Pager page={page} limit={limit} total={list.data.total} onPage={(p) => set({ seite: String(p) })} />
      )}
    </Page>
  );
}

export function GrantPage() {
  const { grantId = '' } = useParams();
  const g = useQuery({ queryKey: ['grant', grantId], queryFn: () => getGrant(grantId) });
  const d = useQuery({ queryKey: ['disbursements', grantId], queryFn: () => disbursements(grantId) });
  const r = useQuery({ queryKey: ['reports', grantId], queryFn: () => reports(grantId) });
  const disbursementItems = d.data ? ('items' in d.data ? d.data.items : (d.data as unknown as never[])) : [];
  const reportItems = r.data ? ('items' in r.data ? r.data.items : (r.data as unknown as never[])) : [];
  return (
    <Page title="Zuwendung">
      <BackLink to="/zuwendungen">Zuwendungen</BackLink>
      <ProblemMessage error={g.error} />
      {g.isPending && <Loading what="Die Zuwendung" />}
      {g.data && (
        <dl className="facts">
          <dt>Koordination</dt>
          <dd>{g.data.coordinator?.name ?? '–'}</dd>
          <dt>Phase</dt>
          <dd>{g.data.phaseName ?? '–'}</dd>
          <dt>Bewilligt</dt>
          <dd>
            {euroCents(g.data.amountCents)} am {date(g.data.issuedAt)}
          </dd>
          <dt>Bewilligungszeitraum</dt>
          <dd>
            {date(g.data.period.from)} – {date(g.data.period.to)}
          </dd>
          <dt>Ausgezahlt</dt>
          <dd>{euroCents(g.data.paidCents)}</dd>
          <dt>Status</dt>
          <dd>{GRANT_STATUS[g.data.status] ?? g.data.status}</dd>
        </dl>
      )}
      <h2>Auszahlungen</h2>
      <ProblemMessage error={d.error} />
      <table>
        <caption>Mittelabrufe und Zahlungen</caption>
        <thead>
          <tr>
            <th scope="col">Fällig</th>
            <th scope="col" className="num">
              Betrag
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {disbursementItems.map((x) => (
            <tr key={x.disbursementId}>
              <td>{date(x.dueDate)}</td>
              <td className="num">{euroCents(x.amountCents)}</td>
              <td>{x.status === 'paid' ? `gezahlt am ${date(x.paidOn)}` : 'angefordert'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Berichte</h2>
      <ProblemMessage error={r.error} />
      <table>
        <caption>ESF-Berichte</caption>
        <thead>
          <tr>
            <th scope="col">Zeitraum</th>
            <th scope="col">Fällig</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {reportItems.map((x) => (
            <tr key={x.reportId}>
              <td>
                {date(x.from)} – {date(x.to)}
              </td>
              <td>{date(x.dueDate)}</td>
              <td>{REPORT_STATUS[x.status] ?? x.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}
