import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem } from '../api/client';
import {
  businessClock,
  deadlines,
  deadlinesBetween,
  draftExpression,
  type EoiBody,
  expression,
  inbox,
  markRead,
  myExpressions,
  notificationSettings,
  openCalls,
  reviseExpression,
  setUpCalendar,
  submitExpression,
} from '../api/municipality';
import { roleOf, usePerson } from '../auth';
import { INVITATION_STATUS } from './municipality-joint';
import { CALL_STATUS, date, dateTime, DEADLINE_KINDS, DEADLINE_STATUS, euro } from '../format';
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

export function CallsPage() {
  const { page, q, limit, set } = useListParams();
  const person = usePerson();
  const navigate = useNavigate();
  const calls = useQuery({ queryKey: ['calls', page, q], queryFn: () => openCalls(page, limit, q) });
  const draft = useMutation({
    mutationFn: (callId: string) => draftExpression(callId, {}),
    onSuccess: (accepted) => navigate(`/interessenbekundungen/${encodeURIComponent(accepted.id)}`),
  });
  return (
    <Page title="Offene Aufrufe">
      <SearchForm label="Aufrufe durchsuchen" q={q} onSearch={(v) => set({ suche: v, seite: undefined })} />
      <ProblemMessage error={calls.error ?? draft.error} />
      {calls.isPending && <Loading what="Aufrufe" />}
      {calls.data && calls.data.items.length === 0 && <p>Zurzeit ist kein Aufruf veröffentlicht.</p>}
      <ul className="cards">
        {calls.data?.items.map((call) => (
          <li key={call.callId}>
            <h2>{call.title}</h2>
            <dl className="facts">
              <dt>Status</dt>
              <dd>{CALL_STATUS[call.status] ?? call.status}</dd>
              <dt>Einreichung bis</dt>
              <dd>{date(call.closingDate)}</dd>
              <dt>Förderbeträge</dt>
              <dd>{call.fundingTiers.map((t) => euro(t.amountEur)).join(' / ')}</dd>
            </dl>
            {call.description && <p>{call.description}</p>}
            {roleOf(person) === 'municipality' && call.status === 'published' && (
              <button type="button" className="primary" onClick={() => draft.mutate(call.callId)}>
                Interessenbekundung anlegen
              </button>
            )}
          </li>
        ))}
      </ul>
      {calls.data && (
        <Pager page={page} limit={limit} total={calls.data.total} onPage={(p) => set({ seite: String(p) })} />
      )}
    </Page>
  );
}

const EOI_STATUS: Record<string, string> = { draft: 'Entwurf', submitted: 'eingereicht' };

export function EoiListPage() {
  const { page, q, limit, set } = useListParams();
  const list = useQuery({ queryKey: ['eois', page, q], queryFn: () => myExpressions(page, limit, q) });
  return (
    <Page title="Meine Interessenbekundungen">
      <SearchForm
        label="Interessenbekundungen durchsuchen"
        q={q}
        onSearch={(v) => set({ suche: v, seite: undefined })}
      />
      <ProblemMessage error={list.error} />
      {list.isPending && <Loading what="Interessenbekundungen" />}
      {list.data && (
        <table>
          <caption>Interessenbekundungen</caption>
          <thead>
            <tr>
              <th scope="col">Motto</th>
              <th scope="col">Kommune</th>
              <th scope="col">Status</th>
              <th scope="col">Eingereicht</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((e) => (
              <tr key={e.applicationId}>
                <td>
                  <Link to={`/interessenbekundungen/${encodeURIComponent(e.applicationId)}`}>
                    {e.content.motto || 'Ohne Motto (Entwurf)'}
                  </Link>
                </td>
                <td>{e.applicant.name}</td>
                <td>{EOI_STATUS[e.status] ?? e.status}</td>
                <td>{dateTime(e.submittedAt)}</td>
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

type Form = {
  motto: string;
  existingActivities: string;
  goals: string;
  measures: string;
  successCriteria: string;
  difficulties: string;
  nextSteps: string;
  ownContributionEur: string;
  ownContributionKind: string;
  coordinatorName: string;
  coordinatorEmail: string;
  councilStatus: string;
  councilDate: string;
  councilReference: string;
  memberAgs: string;
};

const TEXTS: [keyof Form, string][] = [
  ['motto', 'Motto'],
  ['existingActivities', 'Bestehende Aktivitäten'],
  ['goals', 'Ziele'],
  ['measures', 'Maßnahmen'],
  ['successCriteria', 'Erfolgskriterien'],
  ['difficulties', 'Erwartete Schwierigkeiten'],
  ['nextSteps', 'Nächste Schritte'],
];

function formOf(content: Record<string, unknown>): Form {
  const c = content as {
    financialPlan?: { ownContributionEur?: number; ownContributionKind?: string };
    coordinator?: { name?: string; email?: string };
    councilResolution?: { status?: string; adoptedOn?: string; reference?: string };
  } & Record<string, string | undefined>;
  return {
    motto: c.motto ?? '',
    existingActivities: c.existingActivities ?? '',
    goals: c.goals ?? '',
    measures: c.measures ?? '',
    successCriteria: c.successCriteria ?? '',
    difficulties: c.difficulties ?? '',
    nextSteps: c.nextSteps ?? '',
    ownContributionEur: c.financialPlan?.ownContributionEur?.toString() ?? '',
    ownContributionKind: c.financialPlan?.ownContributionKind ?? 'staff-costs',
    coordinatorName: c.coordinator?.name ?? '',
    coordinatorEmail: c.coordinator?.email ?? '',
    councilStatus: c.councilResolution?.status ?? '',
    councilDate: c.councilResolution?.adoptedOn ?? '',
    councilReference: c.councilResolution?.reference ?? '',
    memberAgs: '',
  };
}

function bodyOf(form: Form): EoiBody {
  const body: Record<string, unknown> = {};
  for (const [key] of TEXTS) if (form[key].trim()) body[key] = form[key].trim();
  if (form.ownContributionEur.trim()) {
    body.financialPlan = {
      ownContributionEur: Number(form.ownContributionEur.replace(/\./g, '').replace(',', '.')),
      ownContributionKind: form.ownContributionKind,
    };
  }
  if (form.coordinatorName.trim()) {
    body.coordinator = {
      name: form.coordinatorName.trim(),
      ...(form.coordinatorEmail.trim() ? { email: form.coordinatorEmail.trim() } : {}),
    };
  }
  if (form.councilStatus === 'promised') body.councilResolution = { status: 'promised' };
  if (form.councilStatus === 'adopted') {
    body.councilResolution = {
      status: 'adopted',
      ...(form.councilDate ? { adoptedOn: form.councilDate } : {}),
      ...(form.councilReference ? { reference: form.councilReference } : {}),
    };
  }
  const members = form.memberAgs
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);
  if (members.length > 0) body.memberAgs = members;
  return body as EoiBody;
}

/** Which form field a refusal concerns: the validator's field names, or the rule's facts. */
function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiProblem)) return {};
  const out: Record<string, string[]> = {};
  const add = (field: string, text: string) => (out[field] = [...(out[field] ?? []), text]);
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const top = field.split('.')[0];
    const key =
      top === 'financialPlan'
        ? 'ownContributionEur'
        : top === 'coordinator'
          ? 'coordinatorName'
          : top === 'councilResolution'
            ? 'councilStatus'
            : top;
    for (const m of messages) add(key, m);
  }
  if (error.code === 'coordinator-missing') add('coordinatorName', error.detail);
  if (/member|joint|invitation/.test(error.code) && !out.memberAgs) add('memberAgs', error.detail);
  if (error.code.startsWith('council-resolution')) add('councilStatus', error.detail);
  if (error.code === 'expression-of-interest-incomplete') {
    for (const missing of (error.extensions.missing as string[] | undefined) ?? []) {
      const key =
        missing === 'financialPlan'
          ? 'ownContributionEur'
          : missing === 'coordinator'
            ? 'coordinatorName'
            : missing === 'councilResolution'
              ? 'councilStatus'
              : missing;
      add(key, 'Bitte ausfüllen: Diese Angabe fehlt für die Einreichung.');
    }
  }
  return out;
}

export function EoiPage() {
  const { applicationId = '' } = useParams();
  const client = useQueryClient();
  const person = usePerson();
  const eoi = useQuery({ queryKey: ['eoi', applicationId], queryFn: () => expression(applicationId) });
  const [form, setForm] = useState<Form | undefined>();
  const [done, setDone] = useState<string>();
  useEffect(() => {
    if (eoi.data && !form) {
      const invited = eoi.data.invitations
        .filter((i) => i.status === 'invited' || i.status === 'confirmed')
        .map((i) => i.municipality.ags);
      setForm({ ...formOf(eoi.data.content as Record<string, unknown>), memberAgs: invited.join(', ') });
    }
  }, [eoi.data, form]);
  const save = useMutation({
    mutationFn: async (andSubmit: boolean) => {
      if (!form) return;
      await reviseExpression(applicationId, bodyOf(form));
      if (andSubmit) await submitExpression(applicationId);
      return andSubmit;
    },
    onSuccess: async (submitted) => {
      setDone(submitted ? 'Die Interessenbekundung ist eingereicht.' : 'Der Entwurf ist gespeichert.');
      await client.invalidateQueries({ queryKey: ['eoi', applicationId] });
    },
    onError: () => setDone(undefined),
  });
  const errors = fieldErrorsOf(save.error);
  const readOnly = eoi.data?.status === 'submitted' || eoi.data?.applicant.ags !== person.ags;
  const bind = (key: keyof Form) => ({
    value: form?.[key] ?? '',
    onChange: (e: { target: { value: string } }) => setForm((f) => (f ? { ...f, [key]: e.target.value } : f)),
    disabled: readOnly,
  });
  return (
    <Page
      title={
        eoi.data?.content.motto ? `Interessenbekundung „${eoi.data.content.motto}“` : 'Interessenbekundung'
      }
    >
      <BackLink to="/interessenbekundungen">Meine Interessenbekundungen</BackLink>
      {eoi.isPending && <Loading what="Die Interessenbekundung" />}
      <ProblemMessage error={eoi.error} />
      {eoi.data && form && (
        <>
          <dl className="facts">
            <dt>Kommune</dt>
            <dd>
              {eoi.data.applicant.name}
              {eoi.data.members.length > 0 &&
                ` (federführend für ${eoi.data.members.map((m) => m.name).join(', ')})`}
            </dd>
            <dt>Status</dt>
            <dd>
              <Badge tone={eoi.data.status === 'submitted' ? 'ok' : 'warn'}>
                {EOI_STATUS[eoi.data.status]}
              </Badge>
            </dd>
            <dt>Angelegt</dt>
            <dd>{dateTime(eoi.data.draftedAt)}</dd>
            {eoi.data.submittedAt && (
              <>
                <dt>Eingereicht</dt>
                <dd>{dateTime(eoi.data.submittedAt)}</dd>
              </>
            )}
            {eoi.data.rules && (
              <>
                <dt>Förderbedingungen</dt>
                <dd>
                  {eoi.data.rules.version === 0
                    ? 'Bedingungen des Aufrufs'
                    : `Fassung ${eoi.data.rules.version}, gültig ab ${date(eoi.data.rules.effectiveFrom ?? undefined)}`}
                  {(eoi.data.rulesCorrections ?? []).map((c) => (
                    <span key={c.correctedAt}>
                      {' '}
                      (berichtigt am {dateTime(c.correctedAt)}: {c.reason})
                    </span>
                  ))}
                </dd>
              </>
            )}
            <dt>Aktenzeichen</dt>
            <dd>
              <code>{eoi.data.applicationId}</code>
            </dd>
            <dt>Beschluss</dt>
            <dd>
              <Link to={`/interessenbekundungen/${encodeURIComponent(applicationId)}/ratsbeschluss`}>
                Rats- oder Kreistagsbeschluss erfassen oder ansehen
              </Link>
            </dd>
          </dl>
          {done && <Notice>{done}</Notice>}
          <ProblemMessage error={save.error} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(false);
            }}
          >
            {TEXTS.map(([key, label]) => (
              <Field key={key} label={label} errors={errors[key]}>
                {(props) =>
                  key === 'motto' ? (
                    <input type="text" {...props} {...bind(key)} />
                  ) : (
                    <textarea {...props} {...bind(key)} />
                  )
                }
              </Field>
            ))}
            <fieldset>
              <legend>Finanzierung</legend>
              <Field
                label="Eigenanteil in €"
                errors={errors.ownContributionEur}
                hint="Ganze Euro, z. B. 40000"
              >
                {(props) => (
                  <input type="text" inputMode="numeric" {...props} {...bind('ownContributionEur')} />
                )}
              </Field>
              <Field label="Art des Eigenanteils">
                {(props) => (
                  <select {...props} {...bind('ownContributionKind')}>
                    <option value="staff-costs">Personalkosten</option>
                    <option value="material-costs">Sachkosten</option>
                    <option value="mixed">gemischt</option>
                  </select>
                )}
              </Field>
            </fieldset>
            <fieldset>
              <legend>Koordination</legend>
              <Field label="Koordinierungsstelle oder Name" errors={errors.coordinatorName}>
                {(props) => <input type="text" {...props} {...bind('coordinatorName')} />}
              </Field>
              <Field label="E-Mail der Koordination">
                {(props) => <input type="email" {...props} {...bind('coordinatorEmail')} />}
              </Field>
            </fieldset>
            <fieldset>
              <legend>Gemeinsame Bewerbung</legend>
              <Field
                label="Mitgliedskommunen (Amtlicher Gemeindeschlüssel)"
                errors={errors.memberAgs}
                hint="Nur als federführende Kommune: die AGS der eingeladenen Kommunen, durch Komma getrennt, z. B. 05978004, 05978020. Jede bestätigt oder lehnt selbst ab."
              >
                {(props) => <input type="text" {...props} {...bind('memberAgs')} />}
              </Field>
              {eoi.data.invitations.length > 0 && (
                <table>
                  <caption>Eingeladene Kommunen</caption>
                  <thead>
                    <tr>
                      <th scope="col">Kommune</th>
                      <th scope="col">Stand</th>
                      <th scope="col">Eingeladen</th>
                      <th scope="col">Antwort</th>
                    </tr>
                  </thead>
                  <tbody>
                    {eoi.data.invitations.map((i) => (
                      <tr key={i.municipality.ags}>
                        <td>{i.municipality.name}</td>
                        <td>{INVITATION_STATUS[i.status] ?? i.status}</td>
                        <td>{dateTime(i.invitedAt)}</td>
                        <td>
                          {dateTime(i.answeredAt)}
                          {i.reason ? ` – ${i.reason}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </fieldset>
            <fieldset>
              <legend>Rats- oder Kreistagsbeschluss</legend>
              <Field label="Stand des Beschlusses" errors={errors.councilStatus}>
                {(props) => (
                  <select {...props} {...bind('councilStatus')}>
                    <option value="">keine Angabe</option>
                    <option value="promised">zugesagt (folgt nach der Auswahl)</option>
                    <option value="adopted">gefasst</option>
                  </select>
                )}
              </Field>
              {form.councilStatus === 'adopted' && (
                <>
                  <Field label="Beschlossen am">
                    {(props) => <input type="date" {...props} {...bind('councilDate')} />}
                  </Field>
                  <Field label="Aktenzeichen des Beschlusses">
                    {(props) => <input type="text" {...props} {...bind('councilReference')} />}
                  </Field>
                </>
              )}
            </fieldset>
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
                  Speichern und einreichen
                </button>
              </div>
            )}
          </form>
        </>
      )}
    </Page>
  );
}

export function DeadlinesPage() {
  const { page, q, limit, params, set } = useListParams();
  const person = usePerson();
  const status = (params.get('status') ?? undefined) as 'open' | 'met' | 'missed' | 'cancelled' | undefined;
  const calendarView = params.get('ansicht') === 'kalender';
  const list = useQuery({
    queryKey: ['deadlines', page, q, status],
    queryFn: () => deadlines(page, limit, q, status),
  });
  const settings = useQuery({
    queryKey: ['notification-settings', person.ags],
    queryFn: () => notificationSettings(person.ags ?? ''),
    enabled: !!person.ags,
    retry: false,
  });
  const client = useQueryClient();
  const setUp = useMutation({
    mutationFn: () => setUpCalendar(person.ags ?? ''),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notification-settings'] }),
  });
  const feed = settings.data?.calendarUrl;
  const calendar = feed ? new URL(feed, window.location.origin).toString() : undefined;
  return (
    <Page title={person.ags ? 'Meine Fristen' : 'Fristen'}>
      {calendar && (
        <p>
          Kalender-Abonnement (iCal): <a href={calendar}>Fristen im eigenen Kalender abonnieren</a>
          <br />
          <span className="muted">Adresse zum Einfügen in Outlook oder Thunderbird: </span>
          <code>{calendar}</code>
        </p>
      )}
      {person.ags &&
        !calendar &&
        (settings.data || (settings.error instanceof ApiProblem && settings.error.status === 404)) && (
          <p>
            <button type="button" onClick={() => setUp.mutate()} disabled={setUp.isPending}>
              Kalender-Abonnement (iCal) einrichten
            </button>
          </p>
        )}
      <ProblemMessage error={setUp.error} />
      <ul className="tabs" aria-label="Darstellung">
        <li>
          <Link to="/fristen" aria-current={calendarView ? undefined : 'page'}>
            Liste
          </Link>
        </li>
        <li>
          <Link to="/fristen?ansicht=kalender" aria-current={calendarView ? 'page' : undefined}>
            Monatskalender
          </Link>
        </li>
      </ul>
      {calendarView ? (
        <MonthCalendar month={params.get('monat') ?? undefined} />
      ) : (
        <>
          <SearchForm
            label="Fristen durchsuchen"
            q={q}
            onSearch={(v) => set({ suche: v, seite: undefined })}
          />
          <ul className="tabs" aria-label="Status der Fristen">
            {[undefined, 'open', 'missed', 'met'].map((s) => (
              <li key={s ?? 'alle'}>
                <Link
                  to={`?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(q ? { suche: q } : {}) }).toString()}`}
                  aria-current={status === s ? 'page' : undefined}
                >
                  {s ? DEADLINE_STATUS[s] : 'alle'}
                </Link>
              </li>
            ))}
          </ul>
          <ProblemMessage error={list.error} />
          {list.isPending && <Loading what="Fristen" />}
          {list.data && (
            <table>
              <caption>Fristen, nach Fälligkeit</caption>
              <thead>
                <tr>
                  <th scope="col">Frist</th>
                  <th scope="col">Fällig am</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((d) => (
                  <tr key={d.deadlineId}>
                    <td>{(d as { title?: string }).title ?? DEADLINE_KINDS[d.kind] ?? d.kind}</td>
                    <td>{date(d.dueDate)}</td>
                    <td>
                      <Badge tone={d.status === 'missed' ? 'bad' : d.status === 'open' ? 'warn' : 'ok'}>
                        {DEADLINE_STATUS[d.status] ?? d.status}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {list.data && (
            <Pager
              page={page}
              limit={limit}
              total={list.data.total}
              onPage={(p) => set({ seite: String(p) })}
            />
          )}
        </>
      )}
    </Page>
  );
}

const MONTH = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const WEEKDAYS: [string, string][] = [
  ['Mo', 'Montag'],
  ['Di', 'Dienstag'],
  ['Mi', 'Mittwoch'],
  ['Do', 'Donnerstag'],
  ['Fr', 'Freitag'],
  ['Sa', 'Samstag'],
  ['So', 'Sonntag'],
];

const pad = (n: number) => String(n).padStart(2, '0');
const shiftMonth = (ym: string, by: number) => {
  const [y, m] = ym.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};

/** The deadlines of one month as a calendar grid: an accessible table, one row per week. */
function MonthCalendar({ month }: { month?: string }) {
  const today = useQuery({ queryKey: ['clock'], queryFn: businessClock, enabled: !month });
  // Without a month in the address: this month on the business clock (the demo's and tests' clock too).
  const ym =
    month && /^\d{4}-\d{2}$/.test(month)
      ? month
      : (today.data?.berlinDate.slice(0, 7) ?? new Date().toISOString().slice(0, 7));
  const [y, m] = ym.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const offset = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const from = `${ym}-01`;
  const to = `${ym}-${pad(days)}`;
  const list = useQuery({
    queryKey: ['deadlines', 'month', ym],
    queryFn: () => deadlinesBetween(from, to),
    enabled: !!month || !today.isPending,
  });
  const cells: (number | undefined)[] = [
    ...Array.from({ length: offset }, () => undefined),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7) cells.push(undefined);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const title = MONTH.format(new Date(Date.UTC(y, m - 1, 1)));
  return (
    <>
      <nav className="pager" aria-label="Monate">
        <Link to={`/fristen?ansicht=kalender&monat=${shiftMonth(ym, -1)}`}>Vorheriger Monat</Link>
        <strong>{title}</strong>
        <Link to={`/fristen?ansicht=kalender&monat=${shiftMonth(ym, 1)}`}>Nächster Monat</Link>
      </nav>
      <ProblemMessage error={list.error ?? today.error} />
      {list.isPending && <Loading what="Fristen" />}
      {list.data && (
        <table className="month">
          <caption>Fristen im {title}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map(([short, long]) => (
                <th key={short} scope="col">
                  <abbr title={long}>{short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, w) => (
              <tr key={w}>
                {week.map((day, i) => {
                  if (!day) return <td key={i} className="outside" />;
                  const iso = `${ym}-${pad(day)}`;
                  const due = list.data.filter((d) => d.dueDate === iso);
                  return (
                    <td key={i}>
                      <span className="day-number">
                        {day}
                        <span className="visually-hidden">. {title}</span>
                      </span>
                      {due.length > 0 && (
                        <ul>
                          {due.map((d) => (
                            <li key={d.deadlineId}>
                              {(d as { title?: string }).title ?? DEADLINE_KINDS[d.kind] ?? d.kind}{' '}
                              <Badge
                                tone={d.status === 'missed' ? 'bad' : d.status === 'open' ? 'warn' : 'ok'}
                              >
                                {DEADLINE_STATUS[d.status] ?? d.status}
                              </Badge>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && list.data.length === 0 && <p>In diesem Monat ist keine Frist fällig.</p>}
    </>
  );
}

export function InboxPage() {
  const { page, q, limit, set } = useListParams();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['inbox', page, q], queryFn: () => inbox(page, limit, q) });
  const read = useMutation({
    mutationFn: markRead,
    onSuccess: () => client.invalidateQueries({ queryKey: ['inbox'] }),
  });
  return (
    <Page title="Posteingang">
      <SearchForm
        label="Posteingang durchsuchen"
        q={q}
        onSearch={(v) => set({ suche: v, seite: undefined })}
      />
      <ProblemMessage error={list.error ?? read.error} />
      {list.isPending && <Loading what="Nachrichten" />}
      {list.data && (
        <p>
          {list.data.unread} ungelesen von {list.data.total}
        </p>
      )}
      {list.data && list.data.items.length === 0 && <p>Keine Nachrichten.</p>}
      <ul className="cards">
        {list.data?.items.map((n) => (
          <li key={n.notificationId}>
            <h2>{n.headline}</h2>
            <p className="muted">
              {dateTime(n.at)} · {n.read ? 'gelesen' : <strong>ungelesen</strong>}
            </p>
            <p>{n.text}</p>
            {!n.read && (
              <button type="button" onClick={() => read.mutate(n.notificationId)}>
                Als gelesen markieren
              </button>
            )}
          </li>
        ))}
      </ul>
      {list.data && (
        <Pager page={page} limit={limit} total={list.data.total} onPage={(p) => set({ seite: String(p) })} />
      )}
    </Page>
  );
}
