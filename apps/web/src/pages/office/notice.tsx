import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { fieldErrorsOf, type Schemas } from '../../api/client';
import { issueNotice, type Selection } from '../../api/office';
import { programmeTerms } from '../../api/programmes';
import { centsOf } from '../../components/forms';
import { euroCents } from '../../format';
import { Field, Loading, Notice, ProblemMessage } from '../../ui';

type Source = Schemas['FundingSource'];

export interface NoticeForm {
  phase: 1 | 2;
  ags: string;
  applicationId: string;
  from: string;
  to: string;
  coordinator: string;
  conditions: string;
  /** Euros per source id, as typed. */
  amounts: Record<string, string>;
}

/**
 * The request for `POST /grants` from the form: the financing plan per source of the programme's
 * terms; the phase is the call's (the API takes it from the call when none is named).
 */
export function noticeRequest(form: NoticeForm, sources: Source[]): Schemas['IssueGrantNoticeDto'] {
  const cents = (sourceId: string) => centsOf(form.amounts[sourceId] ?? '') ?? 0;
  return {
    ags: form.ags,
    applicationId: form.applicationId,
    period: { from: form.from, to: form.to },
    financing: sources.map((s) => ({ sourceId: s.sourceId, cents: cents(s.sourceId) })),
    conditions: form.conditions
      .split('\n')
      .map((c) => c.trim())
      .filter(Boolean),
    coordinator: { name: form.coordinator.trim() },
  };
}

const KIND: Record<Source['kind'], string> = {
  grant: 'Zuwendung',
  own: 'Eigenanteil',
  'third-party': 'Drittmittel',
};

/** A notice for a selected submission: the financing plan per source of the programme's terms. */
export function IssueNoticeForm({
  selection,
  programmeId,
  phase,
  coordinator,
}: {
  selection: Selection;
  programmeId: string;
  phase: 1 | 2;
  coordinator?: string;
}) {
  const client = useQueryClient();
  const terms = useQuery({ queryKey: ['terms', programmeId], queryFn: () => programmeTerms(programmeId) });
  const [form, setForm] = useState<NoticeForm>({
    phase,
    ags: selection.applicant.ags,
    applicationId: selection.applicationId,
    from: '',
    to: '',
    coordinator: coordinator ?? '',
    conditions: '',
    amounts: {},
  });
  const latest = terms.data?.items.reduce<(typeof terms.data.items)[number] | undefined>(
    (a, b) => (a && a.version > b.version ? a : b),
    undefined,
  );
  const sources = latest?.rules.sources ?? [];
  const issue = useMutation({
    mutationFn: () => issueNotice(noticeRequest(form, sources)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['grants'] }),
  });
  if (terms.isPending) return <Loading what="Die Förderbedingungen" />;
  if (terms.error) return <ProblemMessage error={terms.error} />;
  if (issue.data)
    return (
      <Notice>
        Der Zuwendungsbescheid ist erlassen.{' '}
        <Link to={`/zuwendungen/${encodeURIComponent(issue.data.id)}`}>Zur Zuwendung</Link>
      </Notice>
    );
  const set = (changes: Partial<NoticeForm>) => setForm({ ...form, ...changes });
  const errors = (field: string) => fieldErrorsOf(issue.error, field);
  const grantTotal = sources
    .filter((s) => s.kind === 'grant')
    .reduce((sum, s) => sum + (centsOf(form.amounts[s.sourceId] ?? '') ?? 0), 0);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        issue.mutate();
      }}
    >
      <fieldset>
        <legend>
          Finanzierungsplan ({latest?.label ?? `Förderbedingungen Version ${latest?.version ?? '–'}`})
        </legend>
        <div className="row">
          {sources.map((s) => (
            <Field
              key={s.sourceId}
              label={`${s.name} in Euro`}
              hint={`${KIND[s.kind]}${s.maxPercent !== undefined ? `, höchstens ${s.maxPercent} %` : ''}${
                s.minPercent !== undefined ? `, mindestens ${s.minPercent} %` : ''
              }`}
              errors={errors(`financing.${s.sourceId}Cents`)}
            >
              {(props) => (
                <input
                  type="text"
                  inputMode="decimal"
                  required
                  {...props}
                  value={form.amounts[s.sourceId] ?? ''}
                  onChange={(e) => set({ amounts: { ...form.amounts, [s.sourceId]: e.target.value } })}
                />
              )}
            </Field>
          ))}
        </div>
        <p>Zuwendung (ausgezahlte Mittel): {euroCents(grantTotal)}</p>
      </fieldset>
      <div className="row">
        <Field label="Bewilligungszeitraum von" errors={errors('period.from') ?? errors('period')}>
          {(props) => (
            <input
              type="date"
              required
              {...props}
              value={form.from}
              onChange={(e) => set({ from: e.target.value })}
            />
          )}
        </Field>
        <Field label="Bewilligungszeitraum bis" errors={errors('period.to')}>
          {(props) => (
            <input
              type="date"
              required
              {...props}
              value={form.to}
              onChange={(e) => set({ to: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label="Koordinierungsstelle" errors={errors('coordinator.name') ?? errors('coordinator')}>
        {(props) => (
          <input
            type="text"
            required
            {...props}
            value={form.coordinator}
            onChange={(e) => set({ coordinator: e.target.value })}
          />
        )}
      </Field>
      <Field label="Nebenbestimmungen" hint="Eine je Zeile." errors={errors('conditions')}>
        {(props) => (
          <textarea
            {...props}
            value={form.conditions}
            onChange={(e) => set({ conditions: e.target.value })}
          />
        )}
      </Field>
      <ProblemMessage error={issue.error} />
      <button type="submit" className="primary" disabled={issue.isPending}>
        Zuwendungsbescheid erlassen
      </button>
    </form>
  );
}
