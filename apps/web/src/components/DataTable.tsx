import { type ReactNode, useId } from 'react';
import { Loading, Pager, ProblemMessage } from '../ui';
import type { Direction, TableParams } from './table-params';

export { useTableParams, type TableParams } from './table-params';

/** One column: its heading, its cell, and (when it can be sorted) the value it sorts by. */
export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  sortValue?: (row: T) => string | number | undefined;
  numeric?: boolean;
}

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

/** The rows in the order the URL asks for (stable: equal rows keep the API's order). */
export function sortRows<T>(rows: T[], columns: Column<T>[], sort: string, direction: Direction): T[] {
  const column = columns.find((c) => c.key === sort && c.sortValue);
  if (!column?.sortValue) return rows;
  const value = column.sortValue;
  const sign = direction === 'ab' ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (a.v === b.v) return a.index - b.index;
      if (a.v === undefined) return 1;
      if (b.v === undefined) return -1;
      const order =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : collator.compare(String(a.v), String(b.v));
      return order * sign || a.index - b.index;
    })
    .map((x) => x.row);
}

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
