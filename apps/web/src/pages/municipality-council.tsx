import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../api/client';
import {
  correctCouncilResolution,
  councilResolution,
  expression,
  importOparlResolution,
  recordCouncilResolution,
  type ResolutionBody,
} from '../api/municipality';
import { usePerson } from '../auth';
import { date, dateTime } from '../format';
import { BackLink, Field, Loading, Notice, Page, ProblemMessage } from '../ui';

const RESULTS: Record<string, string> = {
  approved: 'beschlossen',
  amended: 'geändert beschlossen',
  rejected: 'abgelehnt',
  'hearing-done': 'beraten',
  noted: 'zur Kenntnis genommen',
};

const BODIES: Record<string, string> = { council: 'Rat', 'county-assembly': 'Kreistag' };

type Form = {
  body: string;
  reference: string;
  paperType: string;
  title: string;
  proposal: string;
  result: string;
  resultDate: string;
  committee: string;
  hasConsequences: boolean;
  reason: string;
};

const EMPTY: Form = {
  body: 'council',
  reference: '',
  paperType: 'Beschlussvorlage',
  title: '',
  proposal: '',
  result: 'approved',
  resultDate: '',
  committee: '',
  hasConsequences: false,
  reason: '',
};

function bodyOf(f: Form): ResolutionBody {
  return {
    body: f.body as ResolutionBody['body'],
    paper: {
      reference: f.reference.trim(),
      type: f.paperType.trim(),
      ...(f.title.trim() ? { title: f.title.trim() } : {}),
    },
    proposal: f.proposal.trim(),
    result: f.result as ResolutionBody['result'],
    resultDate: f.resultDate,
    // The deciding session: the body itself unless another committee is named; on the day of the result.
    consultations: [
      {
        committee: f.committee.trim() || (BODIES[f.body] ?? f.body),
        stage: 'decision' as const,
        date: f.resultDate,
      },
    ],
    financialConsequences: { hasConsequences: f.hasConsequences },
  };
}

/** Validator paths (paper.reference, consultations.0.date, …) → this form's fields. */
function errorsOf(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiProblem)) return {};
  const out: Record<string, string[]> = {};
  const map: [RegExp, keyof Form][] = [
    [/^paper\.reference/, 'reference'],
    [/^paper\.type/, 'paperType'],
    [/^paper/, 'title'],
    [/^consultations/, 'committee'],
    [/^resultDate/, 'resultDate'],
    [/^result/, 'result'],
    [/^proposal/, 'proposal'],
    [/^body/, 'body'],
    [/^reason/, 'reason'],
  ];
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const key = map.find(([re]) => re.test(field))?.[1] ?? 'proposal';
    out[key] = [...(out[key] ?? []), ...messages];
  }
  const byCode: [RegExp, keyof Form][] = [
    [/body/, 'body'],
    [/^decision-consultation|^consultation/, 'committee'],
    [/date/, 'resultDate'],
    [/^proposal/, 'proposal'],
    [/^correction/, 'reason'],
    [/^paper/, 'reference'],
    [/^financial/, 'hasConsequences'],
  ];
  const key = byCode.find(([re]) => re.test(error.code))?.[1];
  if (key) out[key] = [...(out[key] ?? []), error.detail];
  return out;
}

function ResolutionForm({
  correction,
  onSave,
  pending,
  error,
}: {
  correction: boolean;
  onSave: (body: ResolutionBody, reason: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const [f, setF] = useState<Form>(EMPTY);
  const errors = errorsOf(error);
  const bind = (key: keyof Form) => ({
    value: String(f[key]),
    onChange: (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value }),
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave(bodyOf(f), f.reason.trim());
      }}
    >
      <ProblemMessage error={error} />
      <Field label="Gremium" errors={errors.body}>
        {(props) => (
          <select {...props} {...bind('body')}>
            <option value="council">Rat</option>
            <option value="county-assembly">Kreistag</option>
          </select>
        )}
      </Field>
      <Field label="Drucksachennummer" errors={errors.reference} hint="z. B. 0815/2011">
        {(props) => <input {...props} type="text" {...bind('reference')} />}
      </Field>
      <Field label="Art der Drucksache" errors={errors.paperType}>
        {(props) => <input {...props} type="text" {...bind('paperType')} />}
      </Field>
      <Field label="Betreff der Drucksache" errors={errors.title}>
        {(props) => <input {...props} type="text" {...bind('title')} />}
      </Field>
      <Field label="Beschlussvorschlag" errors={errors.proposal}>
        {(props) => <textarea {...props} {...bind('proposal')} />}
      </Field>
      <Field label="Ergebnis" errors={errors.result}>
        {(props) => (
          <select {...props} {...bind('result')}>
            {Object.entries(RESULTS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Beschlossen am" errors={errors.resultDate}>
        {(props) => <input {...props} type="date" {...bind('resultDate')} />}
      </Field>
      <Field
        label="Beschließendes Gremium (freiwillig)"
        errors={errors.committee}
        hint="Leer lassen, wenn der Rat oder Kreistag selbst beschlossen hat"
      >
        {(props) => <input {...props} type="text" {...bind('committee')} />}
      </Field>
      <div className="radio">
        <input
          id={correction ? 'folgen-k' : 'folgen'}
          type="checkbox"
          checked={f.hasConsequences}
          onChange={(e) => setF({ ...f, hasConsequences: e.target.checked })}
        />
        <label htmlFor={correction ? 'folgen-k' : 'folgen'}>Der Beschluss hat finanzielle Auswirkungen</label>
      </div>
      {correction && (
        <Field label="Grund der Berichtigung" errors={errors.reason}>
          {(props) => <input {...props} type="text" {...bind('reason')} />}
        </Field>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {correction ? 'Berichtigung erfassen' : 'Beschluss erfassen'}
        </button>
      </div>
    </form>
  );
}

/** The council resolution of an expression of interest: record it, import it over OParl, correct it. */
export function CouncilResolutionPage() {
  const { applicationId = '' } = useParams();
  const person = usePerson();
  const client = useQueryClient();
  const resolutionId = `${applicationId}.${person.ags ?? ''}`;
  const eoi = useQuery({ queryKey: ['eoi', applicationId], queryFn: () => expression(applicationId) });
  const resolution = useQuery({
    queryKey: ['council-resolution', resolutionId],
    queryFn: () => councilResolution(resolutionId),
    retry: false,
  });
  const none = resolution.error instanceof ApiProblem && resolution.error.status === 404;
  const refresh = () => client.invalidateQueries({ queryKey: ['council-resolution', resolutionId] });
  const record = useMutation({
    mutationFn: (body: ResolutionBody) => recordCouncilResolution(applicationId, body),
    onSuccess: refresh,
  });
  const correct = useMutation({
    mutationFn: ({ body, reason }: { body: ResolutionBody; reason: string }) =>
      correctCouncilResolution(resolutionId, { ...body, reason }),
    onSuccess: refresh,
  });
  const [oparl, setOparl] = useState({ paper: '', agendaItem: '', consultations: '' });
  const [oparlError, setOparlError] = useState<string>();
  const importing = useMutation({
    mutationFn: (body: Parameters<typeof importOparlResolution>[1]) =>
      importOparlResolution(applicationId, body),
    onSuccess: refresh,
  });
  const r = resolution.data;
  return (
    <Page title="Rats- oder Kreistagsbeschluss">
      <BackLink to={`/interessenbekundungen/${encodeURIComponent(applicationId)}`}>
        Interessenbekundung{eoi.data?.content.motto ? ` „${eoi.data.content.motto}“` : ''}
      </BackLink>
      <ProblemMessage error={none ? undefined : resolution.error} />
      {resolution.isPending && <Loading what="Der Beschluss" />}
      {r && (
        <>
          <Notice>
            {BODIES[r.body] ?? r.body}: {RESULTS[r.result] ?? r.result} am {date(r.resultDate)} (Drucksache{' '}
            {r.paper.reference}
            {r.source.kind === 'oparl' ? ', aus dem Ratsinformationssystem übernommen' : ''})
          </Notice>
          <p>{r.proposal}</p>
          {r.corrections.length > 0 && (
            <table>
              <caption>Berichtigungen</caption>
              <thead>
                <tr>
                  <th scope="col">Am</th>
                  <th scope="col">Grund</th>
                </tr>
              </thead>
              <tbody>
                {r.corrections.map((c) => (
                  <tr key={c.correctedAt}>
                    <td>{dateTime(c.correctedAt)}</td>
                    <td>{c.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Beschluss berichtigen</h2>
          <p>
            Eine Berichtigung ersetzt den Beschluss nicht stillschweigend: sie wird mit ihrem Grund erfasst.
          </p>
          <ResolutionForm
            correction
            pending={correct.isPending}
            error={correct.error}
            onSave={(body, reason) => correct.mutate({ body, reason })}
          />
        </>
      )}
      {none && (
        <>
          {record.isSuccess && <Notice>Der Beschluss ist erfasst.</Notice>}
          <h2>Beschluss erfassen</h2>
          <ResolutionForm
            correction={false}
            pending={record.isPending}
            error={record.error}
            onSave={(body) => record.mutate(body)}
          />
          <h2>Aus dem Ratsinformationssystem übernehmen (OParl 1.1)</h2>
          <p>
            Fügen Sie die OParl-Objekte der Drucksache (Paper) und des beschließenden Tagesordnungspunkts
            (AgendaItem) ein, wie Ihr Ratsinformationssystem sie unter ihrer Adresse liefert.
          </p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setOparlError(undefined);
              try {
                importing.mutate({
                  paper: JSON.parse(oparl.paper) as Record<string, unknown>,
                  agendaItem: JSON.parse(oparl.agendaItem) as Record<string, unknown>,
                  ...(oparl.consultations.trim()
                    ? { consultations: JSON.parse(oparl.consultations) as Record<string, unknown>[] }
                    : {}),
                });
              } catch {
                setOparlError('Das ist kein gültiges JSON. Bitte das OParl-Objekt vollständig einfügen.');
              }
            }}
          >
            {oparlError && <ProblemMessage error={new Error(oparlError)} />}
            <ProblemMessage error={importing.error} />
            <Field label="OParl-Drucksache (Paper, JSON)">
              {(props) => (
                <textarea
                  {...props}
                  value={oparl.paper}
                  onChange={(e) => setOparl({ ...oparl, paper: e.target.value })}
                />
              )}
            </Field>
            <Field label="OParl-Tagesordnungspunkt (AgendaItem, JSON)">
              {(props) => (
                <textarea
                  {...props}
                  value={oparl.agendaItem}
                  onChange={(e) => setOparl({ ...oparl, agendaItem: e.target.value })}
                />
              )}
            </Field>
            <Field label="OParl-Beratungsfolge (Consultations, JSON-Liste, freiwillig)">
              {(props) => (
                <textarea
                  {...props}
                  value={oparl.consultations}
                  onChange={(e) => setOparl({ ...oparl, consultations: e.target.value })}
                />
              )}
            </Field>
            <div className="actions">
              <button type="submit" disabled={importing.isPending}>
                Aus OParl übernehmen
              </button>
            </div>
          </form>
        </>
      )}
    </Page>
  );
}
