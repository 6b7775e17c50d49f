import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { exportFile, history, integrity, publicKey, streams } from '../api/audit';
import { dateTime } from '../format';
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

const ROLE_WORDS: Record<string, string> = {
  'grants-office': 'Bewilligungsstelle',
  municipality: 'Kommune',
  auditor: 'Prüfung',
  evaluator: 'Evaluation',
  system: 'System',
};

const BREAK_WORDS: Record<string, string> = {
  'hash-mismatch': 'Inhalt verändert (Prüfsumme stimmt nicht)',
  'prev-hash-mismatch': 'Verkettung unterbrochen',
  'revision-gap': 'Lücke in der Folge',
  'stream-mismatch': 'falscher Datensatz',
  'position-order': 'Reihenfolge verletzt',
};

export function AuditFindPage() {
  const { page, q, limit, set } = useListParams(25);
  const list = useQuery({ queryKey: ['streams', page, q], queryFn: () => streams(page, limit, q) });
  return (
    <Page title="Datensätze finden">
      <p>
        Suchen Sie nach Kommune (AGS), Programm, Aufruf, Zuwendung oder Bericht, z. B. „05978000“ oder
        „kkz-2011“.
      </p>
      <SearchForm
        label="Datensätze durchsuchen"
        q={q}
        onSearch={(v) => set({ suche: v, seite: undefined })}
      />
      <ProblemMessage error={list.error} />
      {list.isPending && <Loading what="Datensätze" />}
      {list.data && (
        <table>
          <caption>Datensätze im Ereignisspeicher</caption>
          <thead>
            <tr>
              <th scope="col">Datensatz</th>
              <th scope="col" className="num">
                Ereignisse
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((s) => (
              <tr key={s.streamId}>
                <td>
                  <Link to={`/pruefung/datensatz/${encodeURIComponent(s.streamId)}`}>
                    {(s as { title?: string }).title ?? s.streamId}
                  </Link>
                </td>
                <td className="num">{s.revision}</td>
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

export function AuditRecordPage() {
  const { streamId = '' } = useParams();
  const h = useQuery({ queryKey: ['history', streamId], queryFn: () => history(streamId) });
  const broken = h.data?.chain.firstBreak;
  return (
    <Page title={`Verlauf: ${streamId}`}>
      <BackLink to="/pruefung">Datensätze</BackLink>
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
              Kette verletzt ab Ereignis {broken ? broken.revision : '?'}:{' '}
              {broken ? (BREAK_WORDS[broken.reason] ?? broken.reason) : 'unbekannt'}.
            </div>
          )}
          <table>
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
                <th scope="col">Kette</th>
              </tr>
            </thead>
            <tbody>
              {h.data.events.map((e) => {
                const bad = broken && e.revision >= broken.revision;
                const first = broken && e.revision === broken.revision;
                return (
                  <tr key={e.revision} className={first ? 'broken' : undefined}>
                    <td className="num">{e.revision}</td>
                    <td>
                      <details>
                        <summary>{e.type}</summary>
                        <pre>{JSON.stringify(e.upcast?.data ?? e.data, null, 2)}</pre>
                      </details>
                    </td>
                    <td>
                      {ROLE_WORDS[e.metadata.actor.role] ?? e.metadata.actor.role}
                      <br />
                      <span className="muted">{e.metadata.actor.subject}</span>
                    </td>
                    <td>{dateTime(e.metadata.occurredAt)}</td>
                    <td>{dateTime(e.metadata.recordedAt)}</td>
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
                      <Link to={`/pruefung/datensatz/${encodeURIComponent(b.streamId)}`}>{b.streamId}</Link>
                    </td>
                    <td className="num">{b.revision}</td>
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
