import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from './api/client';
import { problemSentences } from './problem-text';

/** The workspace's own name: neutral, as it serves any programme (the programmes' titles come from the API). */
export const PRODUCT_NAME = 'Förderportal';

/** A page's heading and the window's title; the heading takes focus so a screen reader announces it. */
export function Page({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${PRODUCT_NAME}`;
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}

export function Loading({ what = 'Daten' }: { what?: string }) {
  return (
    <p role="status" className="muted">
      {what} werden geladen …
    </p>
  );
}

/** A refusal or failure, in the API's German words. */
export function ProblemMessage({ error }: { error: unknown }) {
  if (!error) return null;
  // A refusal: its title, then what was wrong, as two sentences ("Regel nicht erfüllt. Die Frage …").
  const [head, body] =
    error instanceof ApiProblem
      ? problemSentences(error.title, error.detail)
      : [error instanceof Error ? error.message : String(error)];
  return (
    <div role="alert" className="alert alert-error">
      {body === undefined ? (
        head
      ) : (
        <>
          <strong>{head}</strong> {body}
        </>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="alert alert-info">
      {children}
    </div>
  );
}

/** A labelled input with its error messages tied to it (aria-describedby). */
export function Field({
  label,
  errors,
  hint,
  children,
}: {
  label: string;
  errors?: string[];
  hint?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', errors?.length ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${errors?.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(errors?.length ? { 'aria-invalid': true } : {}),
      })}
      {errors?.length ? (
        <p id={errorId} className="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** Search, paging and sorting kept in the URL (see components/table-params.ts). */
export { useTableParams as useListParams } from './components/table-params';

export function SearchForm({
  q,
  onSearch,
  label,
}: {
  q: string;
  onSearch: (q: string) => void;
  label: string;
}) {
  const id = useId();
  return (
    <form
      role="search"
      className="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(String(new FormData(e.currentTarget).get('suche') ?? ''));
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} name="suche" type="search" defaultValue={q} key={q} />
      <button type="submit">Suchen</button>
    </form>
  );
}

export function Pager({
  page,
  limit,
  total,
  onPage,
}: {
  page: number;
  limit: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pager" aria-label="Seiten">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Vorherige Seite
      </button>
      <span>
        Seite {page} von {pages} ({total} Einträge)
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Nächste Seite
      </button>
    </nav>
  );
}

export function Badge({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'neutral'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="back">
      <Link to={to}>← {children}</Link>
    </p>
  );
}
