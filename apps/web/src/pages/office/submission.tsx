import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  call as getCall,
  decide,
  grants,
  recordAssessment,
  recordFormalCheck,
  selection as getSelection,
} from '../../api/office';
import { expression } from '../../api/municipality';
import { dateTime, euroCents, STAGE_NAMES } from '../../format';
import { Badge, BackLink, Field, Loading, Notice, Page, ProblemMessage } from '../../ui';
import { CrossSectionTables } from './call';
import { IssueNoticeForm } from './notice';
import { SubmissionTerms } from './submission-terms';

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
  const existingGrant = useQuery({
    queryKey: ['grants', 'for', applicationId],
    queryFn: () =>
      grants(1, 100, applicationId).then(
        (p) => p.items.find((g) => g.applicationId === applicationId) ?? null,
      ),
    enabled: sel.data?.stage === 'selected',
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
      client.invalidateQueries({ queryKey: ['tasks'] }),
      // The call's ranking and cross-section count the decision.
      client.invalidateQueries({ queryKey: ['call', callId] })
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
            <dd>
              {call.data ? (
                <Link
                  to={`/foerderprogramme/${encodeURIComponent(call.data.programmeId)}/aufrufe/${encodeURIComponent(s.callId)}`}
                >
                  {call.data.title}
                </Link>
              ) : (
                s.callId
              )}
            </dd>
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
          {eoi.data?.rules && call.data && (
            <SubmissionTerms
              applicationId={applicationId}
              programmeId={call.data.programmeId}
              rules={eoi.data.rules}
              corrections={eoi.data.rulesCorrections ?? []}
            />
          )}
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
            <>
              <p>
                {s.formalCheck.passed ? 'Bestanden' : 'Nicht bestanden'} am{' '}
                {dateTime(s.formalCheck.checkedAt)}
                {s.formalCheck.reasons.length > 0 && ':'}
              </p>
              <ul>
                {s.formalCheck.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
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
          {call.data && call.data.status !== 'draft' && (
            <>
              <CrossSectionTables callId={s.callId} />
              <p>
                <Link
                  to={`/foerderprogramme/${encodeURIComponent(call.data.programmeId)}/aufrufe/${encodeURIComponent(s.callId)}`}
                >
                  Rangfolge aller Einreichungen des Aufrufs
                </Link>
              </p>
            </>
          )}
          {s.stage === 'selected' && call.data && (
            <>
              <h2>Zuwendungsbescheid</h2>
              {existingGrant.isPending ? (
                <Loading what="Die Zuwendung" />
              ) : existingGrant.data ? (
                <p>
                  Der Bescheid ist erlassen:{' '}
                  <Link to={`/zuwendungen/${encodeURIComponent(existingGrant.data.grantId)}`}>
                    Zuwendung über {euroCents(existingGrant.data.amountCents)}
                  </Link>
                </p>
              ) : (
                <IssueNoticeForm
                  selection={s}
                  programmeId={call.data.programmeId}
                  phase={call.data.phase ?? 1}
                  coordinator={eoi.data?.content.coordinator?.name}
                />
              )}
            </>
          )}
        </>
      )}
    </Page>
  );
}
