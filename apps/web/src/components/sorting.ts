import type { ReactNode } from 'react';
import type { Direction } from './table-params';

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
