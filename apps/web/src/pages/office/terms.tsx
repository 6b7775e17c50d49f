import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { fieldErrorsOf, type Schemas } from '../../api/client';
import {
  adoptTerms,
  programme as getProgramme,
  programmeTerms,
  type ProgrammeTerms,
} from '../../api/programmes';
import { Check, Input, numberOf, RowList, Select, slug } from '../../components/forms';
import { COUNCIL_RESOLUTION_RULES } from '../../format';
import { BackLink, Page, ProblemMessage } from '../../ui';

type Source = Schemas['FundingSourceDto'];
type Indicator = Schemas['IndicatorDefinitionDto'];
type Phase = Schemas['PhaseDefinitionDto'];

/** The form keeps what a person types (text); the request is built from it in one place. */
interface SourceRow {
  sourceId: string;
  name: string;
  kind: Source['kind'];
  maxPercent: string;
  minPercent: string;
}
interface IndicatorRow {
  name: string;
  unit: string;
  type: Indicator['type'];
  required: boolean;
}
interface PhaseRow {
  name: string;
  durationMonths: string;
}

export interface TermsForm {
  version: string;
  effectiveFrom: string;
  label: string;
  sources: SourceRow[];
  councilResolution: ProgrammeTerms['councilResolution'];
  resolutionFollowUpDays: string;
  coordinatorRequired: boolean;
  disbursementWindowMonths: string;
  proofOfUseMonths: string;
  interestPointsAboveBaseRate: string;
  frequency: Schemas['ReportScheduleDto']['frequency'];
  anchor: Schemas['ReportScheduleDto']['anchor'];
  dueUnit: 'days' | 'months';
  dueAfter: string;
  indicators: IndicatorRow[];
  phases: PhaseRow[];
}

const n = (text: string) => numberOf(text) ?? Number.NaN;

export function termsRequest(form: TermsForm): Schemas['AdoptProgrammeRulesDto'] {
  return {
    version: n(form.version),
    effectiveFrom: form.effectiveFrom,
    ...(form.label.trim() ? { label: form.label.trim() } : {}),
    rules: {
      sources: form.sources.map((s) => ({
        sourceId: s.sourceId.trim() || slug(s.name),
        name: s.name.trim(),
        kind: s.kind,
        ...(numberOf(s.maxPercent) !== undefined ? { maxPercent: n(s.maxPercent) } : {}),
        ...(numberOf(s.minPercent) !== undefined ? { minPercent: n(s.minPercent) } : {}),
      })),
      councilResolution: form.councilResolution,
      resolutionFollowUpDays: n(form.resolutionFollowUpDays),
      coordinatorRequired: form.coordinatorRequired,
      disbursementWindowMonths: n(form.disbursementWindowMonths),
      proofOfUseMonths: n(form.proofOfUseMonths),
      interestPointsAboveBaseRate: n(form.interestPointsAboveBaseRate),
      reporting: {
        schedule: {
          frequency: form.frequency,
          anchor: form.anchor,
          due:
            form.dueUnit === 'days'
              ? { daysAfterPeriodEnd: n(form.dueAfter) }
              : { monthsAfterPeriodEnd: n(form.dueAfter) },
        },
        indicators: form.indicators.map((i) => ({
          indicatorId: slug(i.name),
          name: i.name.trim(),
          unit: i.unit.trim(),
          type: i.type,
          required: i.required,
        })),
      },
      phases: form.phases.map((p): Phase => ({
        phaseId: slug(p.name),
        name: p.name.trim(),
        ...(numberOf(p.durationMonths) !== undefined ? { durationMonths: n(p.durationMonths) } : {}),
      })),
    },
  };
}

const KINDS = {
  grant: 'Zuwendung (zahlt die Bewilligungsstelle)',
  own: 'Eigenanteil',
  'third-party': 'Drittmittel',
};
const FREQUENCIES = { annual: 'jährlich', semiannual: 'halbjährlich', quarterly: 'vierteljährlich' };
const ANCHORS = { calendar: 'nach dem Kalender', 'grant-period': 'ab Beginn des Bewilligungszeitraums' };
const DUE_UNITS = { days: 'Tage nach Ende des Zeitraums', months: 'Monate nach Ende des Zeitraums' };
const INDICATOR_TYPES = { integer: 'ganze Zahl', decimal: 'Dezimalzahl' };

const blankSource = (): SourceRow => ({
  sourceId: '',
  name: '',
  kind: 'grant',
  maxPercent: '',
  minPercent: '',
});

export function AdoptTermsPage() {
  const { programmeId = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const programme = useQuery({
    queryKey: ['programme', programmeId],
    queryFn: () => getProgramme(programmeId),
  });
  const versions = useQuery({ queryKey: ['terms', programmeId], queryFn: () => programmeTerms(programmeId) });
  const nextVersion = (versions.data?.items ?? []).reduce((v, t) => Math.max(v, t.version), 0) + 1;
  const [form, setForm] = useState<TermsForm>({
    version: '',
    effectiveFrom: '',
    label: '',
    sources: [blankSource()],
    councilResolution: 'required-at-submission',
    resolutionFollowUpDays: '60',
    coordinatorRequired: true,
    disbursementWindowMonths: '2',
    proofOfUseMonths: '6',
    interestPointsAboveBaseRate: '5',
    frequency: 'annual',
    anchor: 'calendar',
    dueUnit: 'days',
    dueAfter: '30',
    indicators: [],
    phases: [{ name: '', durationMonths: '' }],
  });
  const set = (changes: Partial<TermsForm>) => setForm({ ...form, ...changes });
  const adopt = useMutation({
    mutationFn: () =>
      adoptTerms(programmeId, termsRequest({ ...form, version: form.version || String(nextVersion) })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['terms', programmeId] });
      navigate(`/foerderprogramme/${encodeURIComponent(programmeId)}`);
    },
  });
  const errors = (field: string) => fieldErrorsOf(adopt.error, field);
  const r = (field: string) => errors(`rules.${field}`);
  return (
    <Page title={`Förderbedingungen beschließen${programme.data ? `: ${programme.data.title}` : ''}`}>
      <BackLink to={`/foerderprogramme/${encodeURIComponent(programmeId)}`}>
        {programme.data?.title ?? 'Programm'}
      </BackLink>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          adopt.mutate();
        }}
      >
        <div className="row">
          <Input
            label="Version"
            type="number"
            min={1}
            value={form.version || String(nextVersion)}
            onChange={(version) => set({ version })}
            errors={errors('version')}
          />
          <Input
            label="Gültig ab"
            type="date"
            required
            value={form.effectiveFrom}
            onChange={(effectiveFrom) => set({ effectiveFrom })}
            errors={errors('effectiveFrom')}
          />
          <Input
            label="Bezeichnung"
            value={form.label}
            onChange={(label) => set({ label })}
            errors={errors('label')}
          />
        </div>
        <RowList
          legend="Finanzierungsquellen"
          rows={form.sources}
          onChange={(sources) => set({ sources })}
          blank={blankSource}
          rowLabel={(s, i) => `Quelle ${i + 1}${s.name ? ` (${s.name})` : ''}`}
          errors={r('sources')}
        >
          {(s, change, i) => (
            <>
              <Input
                label="Name"
                required
                value={s.name}
                onChange={(name) => change({ name })}
                errors={r(`sources.${i}.name`)}
              />
              <Input
                label="Kürzel"
                hint="Zum Zitieren, z. B. esf; leer: aus dem Namen"
                value={s.sourceId}
                onChange={(sourceId) => change({ sourceId })}
                errors={r(`sources.${i}.sourceId`)}
              />
              <Select label="Art" value={s.kind} onChange={(kind) => change({ kind })} options={KINDS} />
              <Input
                label="Höchstanteil in %"
                type="number"
                step="any"
                value={s.maxPercent}
                onChange={(maxPercent) => change({ maxPercent })}
                errors={r(`sources.${i}.maxPercent`)}
              />
              <Input
                label="Mindestanteil in %"
                type="number"
                step="any"
                value={s.minPercent}
                onChange={(minPercent) => change({ minPercent })}
                errors={r(`sources.${i}.minPercent`)}
              />
            </>
          )}
        </RowList>
        <fieldset>
          <legend>Beschluss, Koordination, Mittel</legend>
          <div className="row">
            <Select
              label="Ratsbeschluss"
              value={form.councilResolution}
              onChange={(councilResolution) => set({ councilResolution })}
              options={COUNCIL_RESOLUTION_RULES}
            />
            <Input
              label="Frist für den nachgereichten Beschluss (Tage)"
              type="number"
              min={0}
              value={form.resolutionFollowUpDays}
              onChange={(resolutionFollowUpDays) => set({ resolutionFollowUpDays })}
              errors={r('resolutionFollowUpDays')}
            />
            <Input
              label="Abruffrist (Monate)"
              type="number"
              min={0}
              value={form.disbursementWindowMonths}
              onChange={(disbursementWindowMonths) => set({ disbursementWindowMonths })}
              errors={r('disbursementWindowMonths')}
            />
            <Input
              label="Verwendungsnachweis fällig nach (Monate)"
              type="number"
              min={0}
              value={form.proofOfUseMonths}
              onChange={(proofOfUseMonths) => set({ proofOfUseMonths })}
              errors={r('proofOfUseMonths')}
            />
            <Input
              label="Erstattungszinsen: Prozentpunkte über dem Basiszinssatz"
              type="number"
              step="any"
              value={form.interestPointsAboveBaseRate}
              onChange={(interestPointsAboveBaseRate) => set({ interestPointsAboveBaseRate })}
              errors={r('interestPointsAboveBaseRate')}
            />
          </div>
          <Check
            label="Eine Koordinierungsstelle ist zu benennen"
            checked={form.coordinatorRequired}
            onChange={(coordinatorRequired) => set({ coordinatorRequired })}
          />
        </fieldset>
        <fieldset>
          <legend>Berichte</legend>
          <div className="row">
            <Select
              label="Berichtsrhythmus"
              value={form.frequency}
              onChange={(frequency) => set({ frequency })}
              options={FREQUENCIES}
            />
            <Select
              label="Zeiträume"
              value={form.anchor}
              onChange={(anchor) => set({ anchor })}
              options={ANCHORS}
            />
            <Input
              label="Fällig nach"
              type="number"
              min={0}
              value={form.dueAfter}
              onChange={(dueAfter) => set({ dueAfter })}
              errors={r('reporting.schedule.due')}
            />
            <Select
              label="Einheit"
              value={form.dueUnit}
              onChange={(dueUnit) => set({ dueUnit })}
              options={DUE_UNITS}
            />
          </div>
        </fieldset>
        <RowList
          legend="Indikatoren"
          rows={form.indicators}
          onChange={(indicators) => set({ indicators })}
          blank={(): IndicatorRow => ({ name: '', unit: '', type: 'integer', required: true })}
          rowLabel={(x, i) => `Indikator ${i + 1}${x.name ? ` (${x.name})` : ''}`}
          errors={r('reporting.indicators')}
        >
          {(x, change, i) => (
            <>
              <Input
                label="Name"
                required
                value={x.name}
                onChange={(name) => change({ name })}
                errors={r(`reporting.indicators.${i}.name`)}
              />
              <Input
                label="Einheit"
                required
                value={x.unit}
                onChange={(unit) => change({ unit })}
                errors={r(`reporting.indicators.${i}.unit`)}
              />
              <Select
                label="Zahlart"
                value={x.type}
                onChange={(type) => change({ type })}
                options={INDICATOR_TYPES}
              />
              <Check
                label="Pflichtangabe"
                checked={x.required}
                onChange={(required) => change({ required })}
              />
            </>
          )}
        </RowList>
        <RowList
          legend="Förderphasen"
          rows={form.phases}
          onChange={(phases) => set({ phases })}
          blank={() => ({ name: '', durationMonths: '' })}
          rowLabel={(p, i) => `Phase ${i + 1}${p.name ? ` (${p.name})` : ''}`}
          errors={r('phases')}
        >
          {(p, change, i) => (
            <>
              <Input
                label="Name"
                required
                value={p.name}
                onChange={(name) => change({ name })}
                errors={r(`phases.${i}.name`)}
              />
              <Input
                label="Dauer (Monate)"
                type="number"
                min={1}
                value={p.durationMonths}
                onChange={(durationMonths) => change({ durationMonths })}
                errors={r(`phases.${i}.durationMonths`)}
              />
            </>
          )}
        </RowList>
        <ProblemMessage error={adopt.error} />
        <button type="submit" className="primary" disabled={adopt.isPending}>
          Förderbedingungen beschließen
        </button>
      </form>
    </Page>
  );
}
