import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { fieldErrorsOf, type Schemas } from '../../api/client';
import { type DraftCall, draftCall, programme as getProgramme, programmeTerms } from '../../api/programmes';
import { centsOf, Check, Input, numberOf, RowList, Select, slug } from '../../components/forms';
import { COUNCIL_RESOLUTION_RULES, MUNICIPALITY_TYPES } from '../../format';
import { BackLink, Page, ProblemMessage } from '../../ui';

type ApplicantType = DraftCall['eligibleApplicantTypes'][number];
type FieldType = Schemas['FormFieldDto']['type'];

interface TierRow {
  minPopulation: string;
  maxPopulation: string;
  amountEur: string;
}
interface FormFieldRow {
  label: string;
  type: FieldType;
  required: boolean;
}
interface CriterionRow {
  title: string;
  weight: string;
}

export interface CallForm {
  title: string;
  description: string;
  eligibleApplicantTypes: ApplicantType[];
  kickOffDate: string;
  opensOn: string;
  closingDate: string;
  closingRule: 'fixed' | 'statutory-shift';
  tiers: TierRow[];
  councilResolution: DraftCall['conditions']['councilResolution'];
  coordinatorRequired: boolean;
  participantsMin: string;
  participantsMax: string;
  budgetEur: string;
  phaseId: string;
  fields: FormFieldRow[];
  criteria: CriterionRow[];
}

const n = (text: string) => numberOf(text) ?? Number.NaN;

export function callRequest(form: CallForm): DraftCall {
  const budget = centsOf(form.budgetEur);
  return {
    title: form.title.trim(),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    eligibleApplicantTypes: form.eligibleApplicantTypes,
    ...(form.kickOffDate ? { kickOffDate: form.kickOffDate } : {}),
    ...(form.opensOn ? { opensOn: form.opensOn } : {}),
    closing: { date: form.closingDate, rule: form.closingRule },
    fundingTiers: form.tiers.map((t) => ({
      minPopulation: n(t.minPopulation || '0'),
      ...(numberOf(t.maxPopulation) !== undefined ? { maxPopulation: n(t.maxPopulation) } : {}),
      amountEur: n(t.amountEur),
    })),
    conditions: { councilResolution: form.councilResolution, coordinatorRequired: form.coordinatorRequired },
    ...(form.participantsMin || form.participantsMax
      ? { participants: { min: n(form.participantsMin || '0'), max: n(form.participantsMax) } }
      : {}),
    ...(budget !== undefined ? { budgetCents: budget } : {}),
    ...(form.phaseId ? { phaseId: form.phaseId } : {}),
    ...(form.fields.length
      ? {
          form: {
            fields: form.fields.map((f) => ({
              fieldId: slug(f.label),
              label: f.label.trim(),
              type: f.type,
              required: f.required,
            })),
          },
        }
      : {}),
    ...(form.criteria.length
      ? {
          assessmentCriteria: form.criteria.map((c) => ({
            criterionId: slug(c.title),
            title: c.title.trim(),
            weight: n(c.weight),
          })),
        }
      : {}),
  };
}

const FIELD_TYPES: Record<FieldType, string> = {
  text: 'Text (eine Zeile)',
  'long-text': 'Text (mehrere Zeilen)',
  number: 'Zahl',
  money: 'Betrag in Euro',
  date: 'Datum',
  choice: 'Auswahl',
  'yes-no': 'Ja/Nein',
};
const CLOSING_RULES = {
  'statutory-shift': 'fällt sie auf einen Sonn- oder Feiertag, endet sie am nächsten Werktag (§ 31 VwVfG)',
  fixed: 'fest, auch an einem Sonn- oder Feiertag',
};

export function DraftCallPage() {
  const { programmeId = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const programme = useQuery({
    queryKey: ['programme', programmeId],
    queryFn: () => getProgramme(programmeId),
  });
  const terms = useQuery({ queryKey: ['terms', programmeId], queryFn: () => programmeTerms(programmeId) });
  const phases = terms.data?.items.at(-1)?.rules.phases ?? [];
  const [form, setForm] = useState<CallForm>({
    title: '',
    description: '',
    eligibleApplicantTypes: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'],
    kickOffDate: '',
    opensOn: '',
    closingDate: '',
    closingRule: 'statutory-shift',
    tiers: [{ minPopulation: '0', maxPopulation: '', amountEur: '' }],
    councilResolution: 'required-at-submission',
    coordinatorRequired: true,
    participantsMin: '',
    participantsMax: '',
    budgetEur: '',
    phaseId: '',
    fields: [],
    criteria: [{ title: '', weight: '1' }],
  });
  const set = (changes: Partial<CallForm>) => setForm({ ...form, ...changes });
  const draft = useMutation({
    mutationFn: () =>
      draftCall(programmeId, callRequest({ ...form, phaseId: form.phaseId || phases[0]?.phaseId || '' })),
    onSuccess: (answer) => {
      void client.invalidateQueries({ queryKey: ['calls'] });
      navigate(
        `/foerderprogramme/${encodeURIComponent(programmeId)}/aufrufe/${encodeURIComponent(answer.id)}`,
      );
    },
  });
  const errors = (field: string) => fieldErrorsOf(draft.error, field);
  return (
    <Page title={`Aufruf entwerfen${programme.data ? `: ${programme.data.title}` : ''}`}>
      <BackLink to={`/foerderprogramme/${encodeURIComponent(programmeId)}`}>
        {programme.data?.title ?? 'Programm'}
      </BackLink>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          draft.mutate();
        }}
      >
        <Input
          label="Titel des Aufrufs"
          required
          value={form.title}
          onChange={(title) => set({ title })}
          errors={errors('title')}
        />
        <Input
          label="Beschreibung"
          value={form.description}
          onChange={(description) => set({ description })}
          errors={errors('description')}
        />
        <fieldset>
          <legend>Termine</legend>
          <div className="row">
            <Input
              label="Auftakt"
              type="date"
              value={form.kickOffDate}
              onChange={(kickOffDate) => set({ kickOffDate })}
              errors={errors('kickOffDate')}
            />
            <Input
              label="Einreichung ab"
              type="date"
              value={form.opensOn}
              onChange={(opensOn) => set({ opensOn })}
              errors={errors('opensOn')}
            />
            <Input
              label="Einreichungsfrist"
              type="date"
              required
              value={form.closingDate}
              onChange={(closingDate) => set({ closingDate })}
              errors={errors('closing.date') ?? errors('closing')}
            />
            <Select
              label="Fristende"
              value={form.closingRule}
              onChange={(closingRule) => set({ closingRule })}
              options={CLOSING_RULES}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Antragsberechtigt</legend>
          {errors('eligibleApplicantTypes') && (
            <p className="field-error">{errors('eligibleApplicantTypes')?.join(' ')}</p>
          )}
          {(Object.entries(MUNICIPALITY_TYPES) as [ApplicantType, string][]).map(([type, label]) => (
            <Check
              key={type}
              label={label}
              checked={form.eligibleApplicantTypes.includes(type)}
              onChange={(on) =>
                set({
                  eligibleApplicantTypes: on
                    ? [...form.eligibleApplicantTypes, type]
                    : form.eligibleApplicantTypes.filter((t) => t !== type),
                })
              }
            />
          ))}
        </fieldset>
        <RowList
          legend="Förderstufen nach Einwohnerzahl"
          rows={form.tiers}
          onChange={(tiers) => set({ tiers })}
          blank={() => ({ minPopulation: '', maxPopulation: '', amountEur: '' })}
          rowLabel={(_, i) => `Stufe ${i + 1}`}
          errors={errors('fundingTiers')}
        >
          {(t, change, i) => (
            <>
              <Input
                label="ab Einwohnern"
                type="number"
                min={0}
                value={t.minPopulation}
                onChange={(minPopulation) => change({ minPopulation })}
                errors={errors(`fundingTiers.${i}.minPopulation`)}
              />
              <Input
                label="bis Einwohner"
                type="number"
                min={0}
                value={t.maxPopulation}
                onChange={(maxPopulation) => change({ maxPopulation })}
                errors={errors(`fundingTiers.${i}.maxPopulation`)}
              />
              <Input
                label="Förderbetrag in Euro"
                type="number"
                min={0}
                required
                value={t.amountEur}
                onChange={(amountEur) => change({ amountEur })}
                errors={errors(`fundingTiers.${i}.amountEur`)}
              />
            </>
          )}
        </RowList>
        <fieldset>
          <legend>Bedingungen, Teilnehmende, Budget</legend>
          <div className="row">
            <Select
              label="Ratsbeschluss"
              value={form.councilResolution}
              onChange={(councilResolution) => set({ councilResolution })}
              options={COUNCIL_RESOLUTION_RULES}
            />
            <Input
              label="Mindestens Teilnehmende"
              type="number"
              min={0}
              value={form.participantsMin}
              onChange={(participantsMin) => set({ participantsMin })}
              errors={errors('participants.min')}
            />
            <Input
              label="Höchstens Teilnehmende"
              type="number"
              min={0}
              value={form.participantsMax}
              onChange={(participantsMax) => set({ participantsMax })}
              errors={errors('participants.max') ?? errors('participants')}
            />
            <Input
              label="Budget in Euro"
              value={form.budgetEur}
              onChange={(budgetEur) => set({ budgetEur })}
              errors={errors('budgetCents')}
            />
            {phases.length > 0 && (
              <Select
                label="Förderphase"
                value={form.phaseId || phases[0].phaseId}
                onChange={(phaseId) => set({ phaseId })}
                options={Object.fromEntries(phases.map((p) => [p.phaseId, p.name]))}
                errors={errors('phaseId')}
              />
            )}
          </div>
          <Check
            label="Eine Koordinierungsstelle ist zu benennen"
            checked={form.coordinatorRequired}
            onChange={(coordinatorRequired) => set({ coordinatorRequired })}
          />
        </fieldset>
        <RowList
          legend="Bewertungskriterien"
          rows={form.criteria}
          onChange={(criteria) => set({ criteria })}
          blank={() => ({ title: '', weight: '1' })}
          rowLabel={(c, i) => `Kriterium ${i + 1}${c.title ? ` (${c.title})` : ''}`}
          errors={errors('assessmentCriteria')}
        >
          {(c, change, i) => (
            <>
              <Input
                label="Kriterium"
                required
                value={c.title}
                onChange={(title) => change({ title })}
                errors={errors(`assessmentCriteria.${i}.title`)}
              />
              <Input
                label="Gewicht"
                type="number"
                min={1}
                value={c.weight}
                onChange={(weight) => change({ weight })}
                errors={errors(`assessmentCriteria.${i}.weight`)}
              />
            </>
          )}
        </RowList>
        <RowList
          legend="Zusätzliche Formularfelder"
          rows={form.fields}
          onChange={(fields) => set({ fields })}
          blank={(): FormFieldRow => ({ label: '', type: 'text', required: false })}
          rowLabel={(f, i) => `Feld ${i + 1}${f.label ? ` (${f.label})` : ''}`}
          errors={errors('form.fields')}
        >
          {(f, change, i) => (
            <>
              <Input
                label="Beschriftung"
                required
                value={f.label}
                onChange={(label) => change({ label })}
                errors={errors(`form.fields.${i}.label`)}
              />
              <Select
                label="Feldart"
                value={f.type}
                onChange={(type) => change({ type })}
                options={FIELD_TYPES}
              />
              <Check label="Pflichtfeld" checked={f.required} onChange={(required) => change({ required })} />
            </>
          )}
        </RowList>
        <ProblemMessage error={draft.error} />
        <button type="submit" className="primary" disabled={draft.isPending}>
          Aufruf als Entwurf speichern
        </button>
      </form>
    </Page>
  );
}
