import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import {
  esfTotals,
  programme as getProgramme,
  programmeCalls,
  programmeGrants,
  programmeTerms,
} from '../../api/programmes';
import { type Column, DataTable, useTableParams } from '../../components/DataTable';
import { CALL_STATUS, date, euroCents, HOLIDAY_REGIONS } from '../../format';
import { BackLink, Field, Loading, Notice, Page, ProblemMessage } from '../../ui';
import { fieldErrorsOf } from '../../api/client';
import { deadlineSettings, setDeadlineSettings } from '../../api/programmes';

type Call = Schemas['CallView'];

/** A horizontal bar for a figure, its share of the largest one; the figure itself is written beside it. */
function Bar({ value, max }: { value: number; max: number }) {
  const width = max > 0 ? Math.round((value / max) * 100) : 0;
  return <span className="bar" style={{ width: `${width / 10}rem` }} aria-hidden="true" />;
}

function Figures({ programmeId }: { programmeId: string }) {
  const grants = useQuery({
    queryKey: ['grants', 'programme', programmeId],
    queryFn: () => programmeGrants(programmeId),
  });
  const totals = useQuery({ queryKey: ['esf-totals', programmeId], queryFn: () => esfTotals(programmeId) });
  if (grants.isPending) return <Loading what="Die Kennzahlen" />;
  if (grants.error) return <ProblemMessage error={grants.error} />;
  const items = grants.data.items;
  const sum = (f: (g: (typeof items)[number]) => number) => items.reduce((s, g) => s + f(g), 0);
  const byPhase = new Map<string, { count: number; cents: number }>();
  for (const g of items) {
    const key = g.phaseName ?? 'ohne Phase';
    const row = byPhase.get(key) ?? { count: 0, cents: 0 };
    byPhase.set(key, { count: row.count + 1, cents: row.cents + g.amountCents });
  }
  const years = [...new Set(totals.data?.lines.map((l) => l.year) ?? [])].sort();
  const sources = [...new Set(totals.data?.lines.map((l) => l.source) ?? [])];
  const maxLine = Math.max(0, ...(totals.data?.lines.map((l) => l.cents) ?? []));
  const maxPhase = Math.max(0, ...[...byPhase.values()].map((r) => r.cents));
  return (
    <>
      <h2>Kennzahlen</h2>
      <dl className="facts">
        <dt>Zuwendungen</dt>
        <dd>{grants.data.total}</dd>
        <dt>Bewilligt</dt>
        <dd>{euroCents(sum((g) => g.amountCents))}</dd>
        <dt>Ausgezahlt</dt>
        <dd>{euroCents(sum((g) => g.paidCents))}</dd>
        <dt>Widerrufen</dt>
        <dd>{euroCents(sum((g) => g.revokedCents))}</dd>
      </dl>
      <table>
        <caption>Bewilligungen je Förderphase</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col" className="num">
              Zuwendungen
            </th>
            <th scope="col" className="num">
              Betrag
            </th>
            <th scope="col">Anteil</th>
          </tr>
        </thead>
        <tbody>
          {[...byPhase.entries()].map(([phase, row]) => (
            <tr key={phase}>
              <td>{phase}</td>
              <td className="num">{row.count}</td>
              <td className="num">{euroCents(row.cents)}</td>
              <td>
                <Bar value={row.cents} max={maxPhase} />
              </td>
            </tr>
          ))}
          {byPhase.size === 0 && (
            <tr>
              <td colSpan={4}>Noch keine Zuwendung bewilligt.</td>
            </tr>
          )}
        </tbody>
      </table>
      <ProblemMessage error={totals.error} />
      {totals.data && years.length > 0 && (
        <table>
          <caption>Gemeldete Ausgaben nach Quelle und Jahr (Berichte)</caption>
          <thead>
            <tr>
              <th scope="col">Jahr</th>
              {sources.map((s) => (
                <th key={s} scope="col" className="num">
                  {s === 'esf' ? 'ESF' : s === 'land' ? 'Land' : 'Eigenmittel'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y}>
                <th scope="row">{y}</th>
                {sources.map((s) => {
                  const cents = totals.data.lines.find((l) => l.year === y && l.source === s)?.cents ?? 0;
                  return (
                    <td key={s} className="num">
                      {euroCents(cents)} <Bar value={cents} max={maxLine} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

const CALL_COLUMNS = (programmeId: string): Column<Call>[] => [
  {
    key: 'titel',
    header: 'Aufruf',
    cell: (c) => (
      <Link
        to={`/foerderprogramme/${encodeURIComponent(programmeId)}/aufrufe/${encodeURIComponent(c.callId)}`}
      >
        {c.title}
      </Link>
    ),
    sortValue: (c) => c.title,
  },
  {
    key: 'frist',
    header: 'Einreichungsfrist',
    cell: (c) => date(c.closing.lastDay),
    sortValue: (c) => c.closing.lastDay,
  },
  {
    key: 'stand',
    header: 'Stand',
    cell: (c) => CALL_STATUS[c.status] ?? c.status,
    sortValue: (c) => c.status,
  },
];

export function ProgrammePage() {
  const { programmeId = '' } = useParams();
  const params = useTableParams();
  const p = useQuery({ queryKey: ['programme', programmeId], queryFn: () => getProgramme(programmeId) });
  const terms = useQuery({ queryKey: ['terms', programmeId], queryFn: () => programmeTerms(programmeId) });
  const calls = useQuery({
    queryKey: ['calls', 'programme', programmeId],
    queryFn: () => programmeCalls(programmeId),
  });
  const base = `/foerderprogramme/${encodeURIComponent(programmeId)}`;
  return (
    <Page title={p.data?.title ?? 'Programm'}>
      <BackLink to="/foerderprogramme">Förderprogramme</BackLink>
      <ProblemMessage error={p.error} />
      {p.isPending && <Loading what="Das Programm" />}
      {p.data && (
        <dl className="facts">
          <dt>Absender</dt>
          <dd>{p.data.sender.name}</dd>
          <dt>Feiertage für Fristen</dt>
          <dd>
            {HOLIDAY_REGIONS[p.data.holidayRegion as keyof typeof HOLIDAY_REGIONS] ?? p.data.holidayRegion}
          </dd>
          <dt>Angelegt</dt>
          <dd>{date(p.data.createdAt)}</dd>
        </dl>
      )}
      <Figures programmeId={programmeId} />
      <h2>Förderbedingungen</h2>
      <ProblemMessage error={terms.error} />
      {terms.data && terms.data.items.length === 0 && <p>Noch keine Förderbedingungen beschlossen.</p>}
      <ul>
        {terms.data?.items.map((t) => (
          <li key={t.version}>
            Version {t.version}
            {t.label ? ` „${t.label}“` : ''}, gültig ab {date(t.effectiveFrom)}:{' '}
            {t.rules.sources
              .map(
                (s) =>
                  `${s.name}${s.maxPercent !== undefined ? ` bis ${s.maxPercent} %` : ''}${s.minPercent !== undefined ? ` ab ${s.minPercent} %` : ''}`,
              )
              .join(', ')}
            ; Phasen {t.rules.phases.map((ph) => ph.name).join(', ')}
          </li>
        ))}
      </ul>
      <p>
        <Link className="button" to={`${base}/bedingungen/neu`}>
          Förderbedingungen beschließen
        </Link>
      </p>
      <ReminderLadder programmeId={programmeId} />
      <h2>Aufrufe</h2>
      <DataTable
        caption="Aufrufe des Programms"
        what="Aufrufe"
        columns={CALL_COLUMNS(programmeId)}
        rows={calls.data?.items}
        rowKey={(c) => c.callId}
        params={params}
        pending={calls.isPending}
        error={calls.error}
        empty="Noch kein Aufruf."
      />
      <p>
        <Link className="button" to={`${base}/aufrufe/neu`}>
          Aufruf entwerfen
        </Link>
      </p>
    </Page>
  );
}

/** "14, 7, 1, 0" → [14, 7, 1, 0]; undefined when it is not a list of whole days. */
function daysOf(text: string): number[] | undefined {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  return parts.map(Number);
}

/** The reminder ladder: how many days before a deadline's last day municipalities are reminded. */
function ReminderLadder({ programmeId }: { programmeId: string }) {
  const client = useQueryClient();
  const current = useQuery({
    queryKey: ['deadline-settings', programmeId],
    queryFn: () => deadlineSettings(programmeId),
  });
  const [text, setText] = useState<string | undefined>(undefined);
  const shown = text ?? current.data?.reminderOffsetsDays.join(', ') ?? '';
  const [local, setLocal] = useState<string[] | undefined>(undefined);
  const save = useMutation({
    mutationFn: (days: number[]) =>
      setDeadlineSettings(programmeId, {
        reminderOffsetsDays: days,
        timeZone: current.data?.timeZone ?? 'Europe/Berlin',
        ...(current.data?.fixedDates ? { fixedDates: current.data.fixedDates } : {}),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['deadline-settings', programmeId] }),
  });
  const errors = local ?? fieldErrorsOf(save.error, 'reminderOffsetsDays');
  return (
    <section aria-labelledby="erinnerungen">
      <h2 id="erinnerungen">Erinnerungen an Fristen</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const days = daysOf(shown);
          if (!days) {
            setLocal(['Bitte ganze Tage angeben, durch Komma getrennt, z. B. 28, 14, 3.']);
            return;
          }
          setLocal(undefined);
          save.mutate(days);
        }}
      >
        {save.isSuccess && (
          <Notice>Die Erinnerungen gelten für Fristen, die von jetzt an eröffnet werden.</Notice>
        )}
        <ProblemMessage error={save.error} />
        <Field
          label="Erinnern so viele Tage vor Fristende"
          hint="Durch Komma getrennt, 0 ist der letzte Tag selbst, z. B. 28, 14, 3"
          errors={errors}
        >
          {(props) => (
            <input {...props} type="text" value={shown} onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending || current.isPending}>
            Erinnerungen speichern
          </button>
        </div>
      </form>
    </section>
  );
}
