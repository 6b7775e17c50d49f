import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { call as getCall, crossSection, ranking } from '../../api/office';
import {
  amendCall,
  type CallChanges,
  extendClosing,
  programme as getProgramme,
  publishCall,
} from '../../api/programmes';
import { type Column, DataTable, useTableParams } from '../../components/DataTable';
import { centsOf, Input, Select } from '../../components/forms';
import { CALL_STATUS, date, dateTime, euro, euroCents, MUNICIPALITY_TYPES, STAGE_NAMES } from '../../format';
import { Badge, BackLink, Field, Loading, Notice, Page, ProblemMessage } from '../../ui';

type Entry = Awaited<ReturnType<typeof ranking>>['entries'][number];
type Call = Awaited<ReturnType<typeof getCall>>;

const RANKING_COLUMNS: Column<Entry>[] = [
  { key: 'rang', header: 'Rang', numeric: true, cell: (e) => e.rank ?? '–', sortValue: (e) => e.rank },
  {
    key: 'kommune',
    header: 'Kommune',
    cell: (e) => <Link to={`/auswahl/${encodeURIComponent(e.applicationId)}`}>{e.applicant.name}</Link>,
    sortValue: (e) => e.applicant.name,
  },
  {
    key: 'punkte',
    header: 'Mittlere Bewertung',
    numeric: true,
    cell: (e) => e.averageScore?.toLocaleString('de-DE', { maximumFractionDigits: 2 }) ?? '–',
    sortValue: (e) => e.averageScore,
  },
  {
    key: 'bewertungen',
    header: 'Bewertungen',
    numeric: true,
    cell: (e) => e.assessments,
    sortValue: (e) => e.assessments,
  },
  { key: 'stand', header: 'Stand', cell: (e) => STAGE_NAMES[e.stage] ?? e.stage, sortValue: (e) => e.stage },
  {
    key: 'betrag',
    header: 'Förderbetrag',
    numeric: true,
    cell: (e) => euroCents(e.decision?.amountCents),
    sortValue: (e) => e.decision?.amountCents,
  },
  {
    key: 'rahmen',
    header: 'Im Rahmen',
    cell: (e) => (e.withinCap === undefined ? '–' : e.withinCap ? 'ja' : 'nein'),
  },
];

const CHANGED: Record<string, string> = {
  title: 'Titel',
  description: 'Beschreibung',
  eligibleApplicantTypes: 'Antragsberechtigte',
  opensOn: 'Beginn der Einreichung',
  fundingTiers: 'Förderstufen',
  conditions: 'Bedingungen',
  participants: 'Teilnehmende',
  budgetCents: 'Budget',
  crossSection: 'Querschnitt',
  form: 'Formular',
  assessmentCriteria: 'Bewertungskriterien',
};

const DIMENSION_KEYS = {
  'municipality-type': 'byMunicipalityType',
  regierungsbezirk: 'byRegierungsbezirk',
  'population-band': 'byPopulationBand',
  'own-youth-office': 'byOwnJugendamt',
} as const;

const DIMENSIONS: Record<string, string> = {
  byMunicipalityType: 'Nach Art der Kommune',
  byRegierungsbezirk: 'Nach Regierungsbezirk',
  byPopulationBand: 'Nach Größenklasse',
  byOwnJugendamt: 'Nach eigenem Jugendamt',
};

/** The selection so far by the call's dimensions (also on each submission's page). */
const YOUTH_OFFICE: Record<string, string> = {
  'with-own-jugendamt': 'mit eigenem Jugendamt',
  'without-own-jugendamt': 'ohne eigenes Jugendamt',
};

type Band = { bandId: string; minPopulation: number; maxPopulation?: number };

/** "50.000 bis 99.999 Einwohner", "ab 200.001 Einwohner": a size band as its bounds. */
function bandName(band: Band): string {
  const n = (v: number) => v.toLocaleString('de-DE');
  if (band.maxPopulation === undefined) return `ab ${n(band.minPopulation)} Einwohner`;
  if (band.minPopulation === 0) return `unter ${n(band.maxPopulation + 1)} Einwohner`;
  return `${n(band.minPopulation)} bis ${n(band.maxPopulation)} Einwohner`;
}

export function CrossSectionTables({ callId }: { callId: string }) {
  const cs = useQuery({ queryKey: ['call', callId, 'cross-section'], queryFn: () => crossSection(callId) });
  const call = useQuery({ queryKey: ['call', callId], queryFn: () => getCall(callId) });
  const bands = new Map(
    ((call.data?.crossSection?.populationBands ?? []) as Band[]).map((b) => [b.bandId, bandName(b)]),
  );
  const valueName = (value: string) =>
    MUNICIPALITY_TYPES[value] ??
    YOUTH_OFFICE[value] ??
    bands.get(value) ??
    (value === 'true' ? 'ja' : value === 'false' ? 'nein' : value);
  if (cs.isPending) return <Loading what="Der Querschnitt" />;
  if (cs.error) return <ProblemMessage error={cs.error} />;
  // In the order the call names its dimensions.
  const groups = cs.data.dimensions.map((d) => DIMENSION_KEYS[d]).filter((k) => Array.isArray(cs.data[k]));
  return (
    <>
      <h2>Querschnitt der Auswahl</h2>
      <p>
        {cs.data.selected} von {cs.data.candidates} Einreichungen ausgewählt.
      </p>
      {groups.length === 0 && <p>Der Aufruf nennt keine Merkmale für den Querschnitt.</p>}
      {groups.map((k) => (
        <table key={k}>
          <caption>{DIMENSIONS[k]}</caption>
          <thead>
            <tr>
              <th scope="col">Merkmal</th>
              <th scope="col" className="num">
                Einreichungen
              </th>
              <th scope="col" className="num">
                Ausgewählt
              </th>
            </tr>
          </thead>
          <tbody>
            {(cs.data[k] as { value: string; candidates: number; selected: number }[]).map((row) => (
              <tr key={row.value}>
                <td>{valueName(row.value)}</td>
                <td className="num">{row.candidates}</td>
                <td className="num">{row.selected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

function Ranking({ callId }: { callId: string }) {
  const params = useTableParams(50);
  const r = useQuery({ queryKey: ['call', callId, 'ranking'], queryFn: () => ranking(callId) });
  return (
    <>
      <h2>Rangfolge</h2>
      {r.data && (
        <p>
          {r.data.selected} ausgewählt über {euroCents(r.data.selectedAmountCents)}
          {r.data.budgetCents !== undefined && ` von ${euroCents(r.data.budgetCents)} Budget`}
          {r.data.participants &&
            `; vorgesehen ${r.data.participants.min} bis ${r.data.participants.max} Teilnehmende`}
          .
        </p>
      )}
      <DataTable
        caption="Rangfolge nach mittlerer Bewertung"
        what="Die Rangfolge"
        columns={RANKING_COLUMNS}
        rows={r.data?.entries}
        rowKey={(e) => e.applicationId}
        params={params}
        pending={r.isPending}
        error={r.error}
        empty="Noch keine Einreichung."
      />
    </>
  );
}

function AmendForm({ call, onDone }: { call: Call; onDone: (text: string) => void }) {
  const client = useQueryClient();
  const [title, setTitle] = useState(call.title);
  const [description, setDescription] = useState(call.description ?? '');
  const [budget, setBudget] = useState(call.budgetCents !== undefined ? String(call.budgetCents / 100) : '');
  const [reason, setReason] = useState('');
  const amend = useMutation({
    mutationFn: () => {
      const changes: CallChanges = {};
      if (title.trim() !== call.title) changes.title = title.trim();
      if (description.trim() !== (call.description ?? '')) changes.description = description.trim();
      const cents = centsOf(budget);
      if (cents !== undefined && cents !== call.budgetCents) changes.budgetCents = cents;
      return amendCall(call.callId, changes, reason.trim());
    },
    onSuccess: () => {
      setReason('');
      onDone('Die Änderung des Aufrufs ist erfasst.');
      void client.invalidateQueries({ queryKey: ['call', call.callId] });
    },
  });
  const errors = (field: string) => fieldErrorsOf(amend.error, field);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        amend.mutate();
      }}
    >
      <fieldset>
        <legend>Aufruf ändern</legend>
        <Input label="Titel" value={title} onChange={setTitle} errors={errors('changes.title')} />
        <Input
          label="Beschreibung"
          value={description}
          onChange={setDescription}
          errors={errors('changes.description')}
        />
        <Input
          label="Budget in Euro"
          value={budget}
          onChange={setBudget}
          errors={errors('changes.budgetCents')}
        />
        <Field label="Grund der Änderung" errors={errors('reason')}>
          {(props) => (
            <textarea required {...props} value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <ProblemMessage error={amend.error} />
        <button type="submit" disabled={amend.isPending}>
          Änderung erfassen
        </button>
      </fieldset>
    </form>
  );
}

function ExtendForm({ call, onDone }: { call: Call; onDone: (text: string) => void }) {
  const client = useQueryClient();
  const [closingDate, setClosingDate] = useState('');
  const [rule, setRule] = useState<'fixed' | 'statutory-shift'>(call.closing.rule);
  const [reason, setReason] = useState('');
  const extend = useMutation({
    mutationFn: () => extendClosing(call.callId, { date: closingDate, rule }, reason.trim()),
    onSuccess: () => {
      setReason('');
      onDone('Die Verlängerung der Einreichungsfrist ist erfasst.');
      void client.invalidateQueries({ queryKey: ['call', call.callId] });
    },
  });
  const errors = (field: string) => fieldErrorsOf(extend.error, field);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        extend.mutate();
      }}
    >
      <fieldset>
        <legend>Einreichungsfrist verlängern</legend>
        <div className="row">
          <Input
            label="Neue Einreichungsfrist"
            type="date"
            required
            value={closingDate}
            onChange={setClosingDate}
            errors={errors('closing.date') ?? errors('closing')}
          />
          <Select
            label="Fristende"
            value={rule}
            onChange={setRule}
            options={{ 'statutory-shift': 'nächster Werktag, wenn Sonn- oder Feiertag', fixed: 'fest' }}
          />
        </div>
        <Field label="Grund der Verlängerung" errors={errors('reason')}>
          {(props) => (
            <textarea required {...props} value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <ProblemMessage error={extend.error} />
        <button type="submit" disabled={extend.isPending}>
          Frist verlängern
        </button>
      </fieldset>
    </form>
  );
}

export function CallPage() {
  const { programmeId = '', callId = '' } = useParams();
  const client = useQueryClient();
  const programme = useQuery({
    queryKey: ['programme', programmeId],
    queryFn: () => getProgramme(programmeId),
  });
  const c = useQuery({ queryKey: ['call', callId], queryFn: () => getCall(callId) });
  const [done, setDone] = useState<string>();
  const publish = useMutation({
    mutationFn: () => publishCall(callId),
    onSuccess: () => (
      setDone('Der Aufruf ist veröffentlicht.'),
      client.invalidateQueries({ queryKey: ['call', callId] })
    ),
  });
  const x = c.data;
  return (
    <Page title={x ? `Aufruf: ${x.title}` : 'Aufruf'}>
      <BackLink to={`/foerderprogramme/${encodeURIComponent(programmeId)}`}>
        {programme.data?.title ?? 'Programm'}
      </BackLink>
      <ProblemMessage error={c.error} />
      {c.isPending && <Loading what="Der Aufruf" />}
      {done && <Notice>{done}</Notice>}
      {x && (
        <>
          <dl className="facts">
            <dt>Stand</dt>
            <dd>
              <Badge tone={x.status === 'published' ? 'ok' : 'neutral'}>
                {CALL_STATUS[x.status] ?? x.status}
              </Badge>
              {x.publishedAt && ` seit ${dateTime(x.publishedAt)}`}
            </dd>
            {x.description && (
              <>
                <dt>Beschreibung</dt>
                <dd>{x.description}</dd>
              </>
            )}
            <dt>Einreichungsfrist</dt>
            <dd>
              {date(x.closing.lastDay)}
              {x.closing.lastDay !== x.closing.date &&
                ` (genannt: ${date(x.closing.date)}, verschoben auf den nächsten Werktag)`}
            </dd>
            <dt>Antragsberechtigt</dt>
            <dd>{x.eligibleApplicantTypes.map((t) => MUNICIPALITY_TYPES[t] ?? t).join(', ')}</dd>
            <dt>Förderstufen</dt>
            <dd>
              {x.fundingTiers
                .map(
                  (t) =>
                    `${t.minPopulation.toLocaleString('de-DE')}${
                      t.maxPopulation !== undefined
                        ? `–${t.maxPopulation.toLocaleString('de-DE')}`
                        : ' und mehr'
                    } Einw.: ${euro(t.amountEur)}`,
                )
                .join('; ')}
            </dd>
            {x.budgetCents !== undefined && (
              <>
                <dt>Budget</dt>
                <dd>{euroCents(x.budgetCents)}</dd>
              </>
            )}
            <dt>Förderbedingungen</dt>
            <dd>
              {x.termsInForce
                ? `Fassung ${x.termsInForce.version}${x.termsInForce.label ? ` „${x.termsInForce.label}“` : ''}, gültig ab ${date(x.termsInForce.effectiveFrom)} (maßgeblich am ${date(x.termsInForce.on)})`
                : `Am ${date(x.opensOn ?? undefined)} ist keine Fassung in Kraft: Der Aufruf kann so nicht veröffentlicht werden.`}
            </dd>
          </dl>
          {x.amendments.length + x.closingExtensions.length > 0 && (
            <>
              <h2>Änderungen</h2>
              <ul>
                {x.amendments.map((a) => (
                  <li key={a.amendedAt}>
                    {dateTime(a.amendedAt)}: geändert ({a.changed.map((c) => CHANGED[c] ?? c).join(', ')}) –{' '}
                    {a.reason}
                  </li>
                ))}
                {x.closingExtensions.map((e) => (
                  <li key={e.extendedAt}>
                    {dateTime(e.extendedAt)}: Frist von {date(e.previousClosesAt)} auf {date(e.closesAt)}{' '}
                    verlängert – {e.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          <ProblemMessage error={publish.error} />
          {x.status === 'draft' && (
            <button
              type="button"
              className="primary"
              disabled={publish.isPending}
              onClick={() => publish.mutate()}
            >
              Aufruf veröffentlichen
            </button>
          )}
          {x.status !== 'closed' && (
            <>
              <AmendForm key={x.revision} call={x} onDone={setDone} />
              {x.status === 'published' && <ExtendForm call={x} onDone={setDone} />}
            </>
          )}
          {x.status !== 'draft' && (
            <>
              <Ranking callId={callId} />
              <CrossSectionTables callId={callId} />
            </>
          )}
        </>
      )}
    </Page>
  );
}
