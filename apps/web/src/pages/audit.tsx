import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiProblem } from '../api/client';
import {
  exportFile,
  history,
  integrity,
  nameBook,
  publicKey,
  stateAsOf,
  stateToday,
  streamsWithPrefix,
} from '../api/audit';
import { date, dateTime } from '../format';
import { actorName, describeStream, eventLabel, flatten, RECORD_KINDS } from './audit-words';
import { Badge, BackLink, Field, Loading, Notice, Page, Pager, ProblemMessage, useListParams } from '../ui';

const BREAK_WORDS: Record<string, string> = {
  'hash-mismatch': 'Inhalt verändert (Prüfsumme stimmt nicht)',
  'prev-hash-mismatch': 'Verkettung unterbrochen',
  'revision-gap': 'Lücke in der Folge',
  'stream-mismatch': 'falscher Datensatz',
  'position-order': 'Reihenfolge verletzt',
};

/** Programmes, calls and municipalities by name; shared by the auditor's pages (one load per session). */
function useNames() {
  return useQuery({ queryKey: ['audit-names'], queryFn: nameBook, staleTime: 5 * 60_000 });
}

const sortedByName = (book: Record<string, string>) =>
  Object.entries(book).sort(([, a], [, b]) => a.localeCompare(b, 'de'));

export function AuditFindPage() {
  const { page, q, limit, params, set } = useListParams(25);
  const kind = params.get('art') ?? '';
  const names = useNames();
  const list = useQuery({
    queryKey: ['streams', page, q, kind],
    queryFn: () => streamsWithPrefix(page, limit, q, kind),
  });
  const book = names.data;
  return (
    <Page title="Datensätze finden">
      <p>
        Wählen Sie Kommune, Programm oder Aufruf nach Namen, die Art des Datensatzes (z. B. Zuwendung oder
        Bericht), oder suchen Sie nach einem Aktenzeichen.
      </p>
      <form
        className="finder"
        aria-label="Datensätze eingrenzen"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const picked = ['kommune', 'programm', 'aufruf']
            .map((k) => String(form.get(k) ?? ''))
            .find((v) => v);
          set({
            suche: picked || String(form.get('suche') ?? ''),
            art: String(form.get('art') ?? ''),
            seite: undefined,
          });
        }}
      >
        <Field label="Kommune">
          {(props) => (
            <select {...props} name="kommune" defaultValue={book?.municipalities[q] ? q : ''} key={`k-${q}`}>
              <option value="">alle Kommunen</option>
              {book &&
                sortedByName(book.municipalities).map(([ags, name]) => (
                  <option key={ags} value={ags}>
                    {name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Programm">
          {(props) => (
            <select {...props} name="programm" defaultValue={book?.programmes[q] ? q : ''} key={`p-${q}`}>
              <option value="">alle Programme</option>
              {book &&
                sortedByName(book.programmes).map(([id, title]) => (
                  <option key={id} value={id}>
                    {title}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Aufruf">
          {(props) => (
            <select {...props} name="aufruf" defaultValue={book?.calls[q] ? q : ''} key={`a-${q}`}>
              <option value="">alle Aufrufe</option>
              {book &&
                sortedByName(book.calls).map(([id, title]) => (
                  <option key={id} value={id}>
                    {title}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Art des Datensatzes">
          {(props) => (
            <select {...props} name="art" defaultValue={kind} key={`art-${kind}`}>
              {RECORD_KINDS.map(([prefix, label]) => (
                <option key={prefix} value={prefix}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Aktenzeichen oder Suchwort" hint="z. B. 05978000 oder kkz-2011">
          {(props) => (
            <input
              {...props}
              type="search"
              name="suche"
              defaultValue={book && (book.municipalities[q] || book.programmes[q] || book.calls[q]) ? '' : q}
              key={`s-${q}`}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary">
            Suchen
          </button>
          {(q || kind) && (
            <button type="button" onClick={() => set({ suche: undefined, art: undefined, seite: undefined })}>
              Zurücksetzen
            </button>
          )}
        </div>
      </form>
      <ProblemMessage error={list.error ?? names.error} />
      {list.isPending && <Loading what="Datensätze" />}
      {list.data && (
        <table>
          <caption>Datensätze im Ereignisspeicher</caption>
          <thead>
            <tr>
              <th scope="col">Datensatz</th>
              <th scope="col">Art</th>
              <th scope="col">Aktenzeichen</th>
              <th scope="col" className="num">
                Ereignisse
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((s) => {
              const d = describeStream(s.streamId, book);
              return (
                <tr key={s.streamId}>
                  <td>
                    <Link to={`/pruefung/datensatz/${encodeURIComponent(s.streamId)}`}>{d.title}</Link>
                  </td>
                  <td>{d.kind}</td>
                  <td>
                    <code>{s.streamId}</code>
                  </td>
                  <td className="num">{s.revision + 1}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {list.data && list.data.items.length === 0 && <p>Kein Datensatz passt zu dieser Suche.</p>}
      {list.data && (
        <Pager page={page} limit={limit} total={list.data.total} onPage={(p) => set({ seite: String(p) })} />
      )}
    </Page>
  );
}

/** What an event recorded: its fields in rows (the raw JSON stays one click away). */
function EventData({ data }: { data: unknown }) {
  const rows = flatten(data);
  return (
    <details>
      <summary>Inhalt ({rows.length} Angaben)</summary>
      <dl className="facts compact">
        {rows.map(([field, value]) => (
          <div key={field}>
            <dt>{field}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

const REVISION = /(Revised|Corrected|Amended|Extended|DraftSaved|Changed)$/;
const FIRST_VERSION = /(Drafted|Created|Recorded|Opened|Scored|Set)$/;

/** Fields whose value differs from the previous event of the same type on this record. */
function changedFields(previous: unknown, current: unknown): string[] {
  if (previous === undefined) return [];
  const before = new Map(flatten(previous));
  const after = flatten(current);
  const changed = after.filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
  const dropped = [...before.keys()].filter((k) => !after.some(([a]) => a === k));
  return [...changed, ...dropped];
}

export function AuditRecordPage() {
  const { streamId = '' } = useParams();
  const names = useNames();
  const h = useQuery({ queryKey: ['history', streamId], queryFn: () => history(streamId) });
  const broken = h.data?.chain.firstBreak;
  const record = describeStream(streamId, names.data);
  const lastOfType = new Map<string, unknown>();
  return (
    <Page title={`Verlauf: ${record.kind} ${record.title}`}>
      <BackLink to="/pruefung">Datensätze</BackLink>
      <p>
        Aktenzeichen: <code>{streamId}</code> ·{' '}
        <Link to={`/pruefung/datensatz/${encodeURIComponent(streamId)}/stand`}>Stand zu einem Zeitpunkt</Link>
      </p>
      <ProblemMessage error={h.error} />
      {h.isPending && <Loading what="Der Verlauf" />}
      {h.data && (
        <>
          {h.data.chain.intact ? (
            <div role="status" className="alert alert-ok">
              Kette intakt: Jedes Ereignis ist unverändert und lückenlos mit seinem Vorgänger verkettet.
            </div>
          ) : (
            <div role="alert" className="alert alert-error">
              Kette verletzt ab Ereignis {broken ? broken.revision + 1 : '?'}:{' '}
              {broken ? (BREAK_WORDS[broken.reason] ?? broken.reason) : 'unbekannt'}.
            </div>
          )}
          <table className="timeline">
            <caption>Ereignisse mit fachlicher und erfasster Zeit</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Nr.
                </th>
                <th scope="col">Ereignis</th>
                <th scope="col">Wer</th>
                <th scope="col">Fachlich am</th>
                <th scope="col">Erfasst am</th>
                <th scope="col">Was sich änderte</th>
                <th scope="col">Kette</th>
              </tr>
            </thead>
            <tbody>
              {h.data.events.map((e) => {
                const bad = broken && e.revision >= broken.revision;
                const first = broken && e.revision === broken.revision;
                const data = e.upcast?.data ?? e.data;
                // A revision (…Revised, …Corrected, …Amended, a saved draft) against the record's last version.
                const revises = REVISION.test(e.type);
                const stem = e.type.replace(REVISION, '').replace(FIRST_VERSION, '');
                const previous = lastOfType.get(stem);
                const changed = changedFields(previous, data);
                const isRepeat = revises && previous !== undefined;
                if (revises || FIRST_VERSION.test(e.type)) lastOfType.set(stem, data);
                const actor = e.metadata.actor as { role?: string; subject?: string };
                return (
                  <tr key={e.revision} className={first ? 'broken' : undefined}>
                    <td className="num">{e.revision + 1}</td>
                    <td>
                      <strong>{eventLabel(e.type)}</strong>
                      <br />
                      <span className="muted">
                        <code>{e.type}</code>
                        {e.upcast ? ` (gespeichert in Fassung ${e.upcast.schemaVersion})` : ''}
                      </span>
                    </td>
                    <td>
                      {actorName(actor, names.data)}
                      <br />
                      <span className="muted">{actor.subject}</span>
                    </td>
                    <td>{dateTime(e.metadata.occurredAt)}</td>
                    <td>{dateTime(e.metadata.recordedAt)}</td>
                    <td>
                      {isRepeat ? (
                        <p>
                          {changed.length ? `geändert: ${changed.join(', ')}` : 'keine Änderung der Angaben'}
                        </p>
                      ) : null}
                      <EventData data={data} />
                    </td>
                    <td>
                      {first ? (
                        <Badge tone="bad">verändert</Badge>
                      ) : bad ? (
                        <Badge tone="warn">nicht gesichert</Badge>
                      ) : (
                        <Badge tone="ok">intakt</Badge>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}

/** One read model's view as rows; the two sides of the comparison share the field names. */
function compareRows(asOf: unknown, today: unknown): { field: string; then: string; now: string }[] {
  const then = new Map(flatten(asOf));
  const now = new Map(flatten(today));
  const fields = [...new Set([...then.keys(), ...now.keys()])];
  return fields.map((field) => ({ field, then: then.get(field) ?? '–', now: now.get(field) ?? '–' }));
}

const READ_MODEL_NAMES: Record<string, string> = {
  'programmes-calls': 'Programme und Aufrufe',
  'expressions-of-interest': 'Interessenbekundungen',
  'council-resolutions': 'Ratsbeschlüsse',
  selection: 'Auswahl',
  grants: 'Zuwendungen',
  'esf-reports': 'Berichte',
  'esf-totals': 'ESF-Summen',
  evaluations: 'Evaluationen',
  'evaluation-indicators': 'Indikatoren der Evaluation',
  'evaluation-participants': 'Teilnehmende der Evaluation',
  deadlines: 'Fristen',
  notifications: 'Benachrichtigungen',
};

/** A record as it stood at a date or revision, side by side with today. */
export function AuditStatePage() {
  const { streamId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const names = useNames();
  const record = describeStream(streamId, names.data);
  const asOf = params.get('stand') ?? '';
  const revision = params.get('revision') ?? '';
  const time = (params.get('uhr') ?? 'recorded') as 'recorded' | 'occurred';
  const onlyChanged = params.get('nur') === 'geaendert';
  const toggled = new URLSearchParams(params);
  if (onlyChanged) toggled.delete('nur');
  else toggled.set('nur', 'geaendert');
  const at = revision !== '' ? { revision: Number(revision) - 1 } : asOf ? { asOf, time } : undefined;
  const then = useQuery({
    queryKey: ['state', streamId, at],
    queryFn: () => stateAsOf(streamId, at ?? {}),
    enabled: !!at,
    retry: false,
  });
  const today = useQuery({ queryKey: ['state', streamId, 'today'], queryFn: () => stateToday(streamId) });
  const thenData = then.data;
  const todayData = today.data;
  const models = [
    ...new Set([...Object.keys(thenData?.readModels ?? {}), ...Object.keys(todayData?.readModels ?? {})]),
  ];
  const fieldErrors = then.error instanceof ApiProblem ? then.error.fieldErrors : {};
  return (
    <Page title={`Stand zum Zeitpunkt: ${record.kind} ${record.title}`}>
      <BackLink to={`/pruefung/datensatz/${encodeURIComponent(streamId)}`}>Verlauf des Datensatzes</BackLink>
      <form
        className="finder"
        aria-label="Zeitpunkt wählen"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          const day = String(form.get('stand') ?? '');
          const rev = String(form.get('revision') ?? '');
          if (rev) next.set('revision', rev);
          else if (day) {
            next.set('stand', day);
            next.set('uhr', String(form.get('uhr') ?? 'recorded'));
          }
          setParams(next);
        }}
      >
        <Field label="Stand zum (Datum)" errors={fieldErrors.asOf} hint="Der ganze Tag, deutsche Zeit">
          {(props) => <input {...props} type="date" name="stand" defaultValue={asOf} key={asOf} />}
        </Field>
        <Field label="Uhr">
          {(props) => (
            <select {...props} name="uhr" defaultValue={time} key={time}>
              <option value="recorded">erfasst (was der Speicher damals enthielt)</option>
              <option value="occurred">fachlich (was bis dahin geschehen war)</option>
            </select>
          )}
        </Field>
        <Field
          label="oder nach Ereignis Nr."
          errors={fieldErrors.revision}
          hint="Stand nach diesem Ereignis des Verlaufs"
        >
          {(props) => (
            <input {...props} type="number" min={1} name="revision" defaultValue={revision} key={revision} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary">
            Stand anzeigen
          </button>
        </div>
      </form>
      <ProblemMessage error={then.error ?? today.error} />
      {(then.isFetching || today.isPending) && <Loading what="Der Stand" />}
      {thenData && todayData && (
        <>
          <dl className="facts">
            <dt>Damals</dt>
            <dd>
              {thenData.events} Ereignisse
              {thenData.lastEvent
                ? `, zuletzt „${eventLabel(thenData.lastEvent.type)}“ (erfasst ${dateTime(thenData.lastEvent.recordedAt)})`
                : ' – der Datensatz bestand noch nicht'}
            </dd>
            <dt>Heute</dt>
            <dd>
              {todayData.events} Ereignisse
              {todayData.lastEvent
                ? `, zuletzt „${eventLabel(todayData.lastEvent.type)}“ (erfasst ${dateTime(todayData.lastEvent.recordedAt)})`
                : ''}
            </dd>
          </dl>
          <p>
            <Link to={`?${toggled.toString()}`}>
              {onlyChanged ? 'Alle Angaben zeigen' : 'Nur seitdem geänderte Angaben zeigen'}
            </Link>
          </p>
          {models.map((model) => {
            const rows = compareRows(thenData.readModels[model], todayData.readModels[model]).filter(
              (r) => !onlyChanged || r.then !== r.now,
            );
            if (rows.length === 0) return null;
            return (
              <table key={model} className="compare">
                <caption>{READ_MODEL_NAMES[model] ?? model}: damals und heute</caption>
                <thead>
                  <tr>
                    <th scope="col">Angabe</th>
                    <th scope="col">Stand zum {asOf ? date(asOf) : `Ereignis ${revision}`}</th>
                    <th scope="col">Heute</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.field} className={r.then !== r.now ? 'changed' : undefined}>
                      <th scope="row">{r.field}</th>
                      <td>{r.then}</td>
                      <td>
                        {r.now}
                        {r.then !== r.now && <span className="visually-hidden"> (seitdem geändert)</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}
        </>
      )}
      {!at && <p>Wählen Sie ein Datum oder eine Ereignisnummer.</p>}
    </Page>
  );
}

function save(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function AuditIntegrityPage() {
  const names = useNames();
  const report = useQuery({ queryKey: ['integrity'], queryFn: integrity, enabled: false });
  const key = useQuery({ queryKey: ['public-key'], queryFn: publicKey });
  const [programmeId, setProgrammeId] = useState('');
  const [ags, setAgs] = useState('');
  const [saved, setSaved] = useState<string>();
  const download = useMutation({
    mutationFn: () => exportFile({ programmeId, ags }),
    onSuccess: (text) => {
      const name = `pruefexport${programmeId ? `-${programmeId}` : ''}${ags ? `-${ags}` : ''}.ndjson`;
      save(name, text);
      setSaved(name);
    },
  });
  const r = report.data;
  return (
    <Page title="Integrität und Export">
      <h2>Prüfung des gesamten Speichers</h2>
      <button
        type="button"
        className="primary"
        onClick={() => void report.refetch()}
        disabled={report.isFetching}
      >
        Speicher jetzt prüfen
      </button>
      {report.isFetching && <Loading what="Das Prüfergebnis" />}
      <ProblemMessage error={report.error} />
      {r && (
        <>
          {r.ok ? (
            <div role="status" className="alert alert-ok">
              Speicher intakt: {r.events} Ereignisse in {r.streams} Datensätzen, alle Ketten und Prüfpunkte
              stimmen.
            </div>
          ) : (
            <div role="alert" className="alert alert-error">
              Speicher verletzt: {r.chainBreaks.length} Kettenbrüche, {r.checkpoints.problems.length} Probleme
              mit Prüfpunkten.
            </div>
          )}
          {r.chainBreaks.length > 0 && (
            <table>
              <caption>Kettenbrüche</caption>
              <thead>
                <tr>
                  <th scope="col">Datensatz</th>
                  <th scope="col" className="num">
                    Ereignis
                  </th>
                  <th scope="col">Befund</th>
                </tr>
              </thead>
              <tbody>
                {r.chainBreaks.map((b) => (
                  <tr key={`${b.streamId}-${b.revision}`}>
                    <td>
                      <Link to={`/pruefung/datensatz/${encodeURIComponent(b.streamId)}`}>
                        {describeStream(b.streamId, names.data).kind}{' '}
                        {describeStream(b.streamId, names.data).title}
                      </Link>
                    </td>
                    <td className="num">{b.revision + 1}</td>
                    <td>{BREAK_WORDS[b.reason] ?? b.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Signierte Prüfpunkte</h2>
          <dl className="facts">
            <dt>Prüfpunkte</dt>
            <dd>
              {r.checkpoints.count}, davon {r.checkpoints.verified} verifiziert
            </dd>
            <dt>Schlüssel (Fingerabdruck)</dt>
            <dd>
              <code>{r.checkpoints.keyId}</code>
            </dd>
            <dt>Durch Prüfpunkte gesichert</dt>
            <dd>Ereignisse bis Position {r.checkpoints.coveredUpTo}</dd>
            {r.checkpoints.latest && (
              <>
                <dt>Letzter Prüfpunkt</dt>
                <dd>
                  Nr. {r.checkpoints.latest.sequence} bei Position {r.checkpoints.latest.position},
                  Merkle-Wurzel <code>{r.checkpoints.latest.merkleRoot}</code>
                </dd>
              </>
            )}
          </dl>
          {r.checkpoints.problems.length > 0 && (
            <table>
              <caption>Probleme mit Prüfpunkten</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Prüfpunkt
                  </th>
                  <th scope="col">Befund</th>
                </tr>
              </thead>
              <tbody>
                {r.checkpoints.problems.map((p) => (
                  <tr key={`${p.sequence}-${p.reason}`}>
                    <td className="num">{p.sequence}</td>
                    <td>{p.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <h2>Signierter Export</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          download.mutate();
        }}
      >
        <Field label="Programm (optional)" hint="Kennung des Programms, z. B. kkz">
          {(props) => (
            <input
              type="text"
              {...props}
              value={programmeId}
              onChange={(e) => setProgrammeId(e.target.value)}
            />
          )}
        </Field>
        <Field label="Kommune, AGS (optional)" hint="Achtstelliger Gemeindeschlüssel, z. B. 05119000">
          {(props) => <input type="text" {...props} value={ags} onChange={(e) => setAgs(e.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={download.isPending}>
          Export herunterladen
        </button>
      </form>
      <ProblemMessage error={download.error} />
      {saved && <Notice>Gespeichert als {saved}.</Notice>}
      <p>Offline prüfen (nur Node.js nötig, die Datei scripts/verify-export.js liegt dem Quelltext bei):</p>
      <pre>
        <code>{`node verify-export.js ${saved ?? 'pruefexport.ndjson'} --public-key ${key.data?.keyId ?? '<Schlüssel-Fingerabdruck>'}`}</code>
      </pre>
    </Page>
  );
}
