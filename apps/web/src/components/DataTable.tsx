import { useId } from 'react';
import { Loading, Pager, ProblemMessage } from '../ui';
import { type Column, sortRows } from './sorting';
import type { TableParams } from './table-params';

export { type Column } from './sorting';
export { useTableParams, type TableParams } from './table-params';

/**
 * A list as a table: a caption, sortable headings (aria-sort, buttons for the keyboard), paging
 * and the list's loading and error states. `rows` is either the whole list (`paging: 'client'`:
 * sorted, then cut into pages here) or one page the API has cut (`paging: 'server'` with its
 * `total`: sorted within the page).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  params,
  total,
  paging = 'client',
  pending,
  error,
  empty = 'Keine Einträge.',
  what = 'Einträge',
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  params: TableParams;
  total?: number;
  paging?: 'client' | 'server' | 'none';
  pending?: boolean;
  error?: unknown;
  empty?: string;
  what?: string;
}) {
  const { page, limit, sort, direction, set } = params;
  if (error) return <ProblemMessage error={error} />;
  if (pending || !rows) return <Loading what={what} />;
  const sorted = sortRows(rows, columns, sort, direction);
  const shown = paging === 'client' ? sorted.slice((page - 1) * limit, page * limit) : sorted;
  const count = paging === 'server' ? (total ?? rows.length) : rows.length;
  return (
    <>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort === c.key;
              const ariaSort = active ? (direction === 'ab' ? 'descending' : 'ascending') : undefined;
              return (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={ariaSort}>
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="sort"
                      onClick={() =>
                        set({
                          sortierung: c.key,
                          richtung: active && direction === 'auf' ? 'ab' : 'auf',
                          seite: undefined,
                        })
                      }
                    >
                      {c.header}
                      <span aria-hidden="true">{active ? (direction === 'ab' ? ' ▼' : ' ▲') : ' ↕'}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            shown.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {paging !== 'none' && (
        <Pager page={page} limit={limit} total={count} onPage={(p) => set({ seite: String(p) })} />
      )}
    </>
  );
}

/** A filter kept in the URL under `name`; choosing one goes back to the first page. */
export function FilterSelect({
  label,
  name,
  options,
  params,
  allLabel = 'alle',
}: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  params: TableParams;
  allLabel?: string;
}) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={params.get(name) ?? ''}
        onChange={(e) => params.set({ [name]: e.target.value, seite: undefined })}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
