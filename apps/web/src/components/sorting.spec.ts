import { type Column, sortRows } from './sorting';

type Row = { name: string; cents?: number };
const columns: Column<Row>[] = [
  { key: 'name', header: 'Kommune', cell: (r) => r.name, sortValue: (r) => r.name },
  { key: 'betrag', header: 'Betrag', cell: (r) => r.cents, sortValue: (r) => r.cents },
  { key: 'fest', header: 'Fest', cell: () => '' },
];
const rows: Row[] = [
  { name: 'Unna', cents: 500 },
  { name: 'Ärzteort', cents: 100 },
  { name: 'Dortmund' },
  { name: 'Bochum', cents: 100 },
];
const names = (r: Row[]) => r.map((x) => x.name);

describe('sorting a table by the column the URL names', () => {
  it('sorts names in German order (Ä beside A), up and down', () => {
    expect(names(sortRows(rows, columns, 'name', 'auf'))).toEqual(['Ärzteort', 'Bochum', 'Dortmund', 'Unna']);
    expect(names(sortRows(rows, columns, 'name', 'ab'))).toEqual(['Unna', 'Dortmund', 'Bochum', 'Ärzteort']);
  });

  it('sorts numbers as numbers, keeps equal rows in the API order and puts missing values last', () => {
    expect(names(sortRows(rows, columns, 'betrag', 'auf'))).toEqual([
      'Ärzteort',
      'Bochum',
      'Unna',
      'Dortmund',
    ]);
    expect(names(sortRows(rows, columns, 'betrag', 'ab'))).toEqual([
      'Unna',
      'Ärzteort',
      'Bochum',
      'Dortmund',
    ]);
  });

  it('leaves the API order for an unknown or unsortable column', () => {
    expect(sortRows(rows, columns, 'fest', 'auf')).toBe(rows);
    expect(sortRows(rows, columns, 'gibt-es-nicht', 'ab')).toBe(rows);
  });
});
