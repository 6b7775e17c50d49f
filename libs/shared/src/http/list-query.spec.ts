import { listPage, type ListSpec } from './list-query';

interface Row {
  id: string;
  title: string;
  status: string;
  ags: string[];
  at: string;
}

const rows: Row[] = [
  {
    id: 'a',
    title: 'Brücken für Familien',
    status: 'open',
    ags: ['05978000', '05978020'],
    at: '2011-12-15T23:30:00.000Z',
  },
  {
    id: 'b',
    title: 'Kein Kind zurücklassen',
    status: 'met',
    ags: ['05119000'],
    at: '2011-12-14T10:00:00.000Z',
  },
  { id: 'c', title: 'Familienzentren', status: 'open', ags: ['05913000'], at: '2012-01-02' },
];
const spec: ListSpec<Row> = {
  text: (r) => [r.id, r.title],
  status: (r) => r.status,
  ags: (r) => r.ags,
  date: (r) => r.at,
};

describe('listPage', () => {
  it('pages in the given order and counts every match', () => {
    expect(listPage(rows, { page: 2, limit: 2 }, spec)).toEqual({
      items: [rows[2]],
      total: 3,
      page: 2,
      limit: 2,
    });
    expect(listPage(rows, {}, spec)).toMatchObject({ total: 3, page: 1, limit: 50 });
  });

  it('searches every word, ignoring case and accents', () => {
    expect(listPage(rows, { q: 'BRUCKEN familien' }, spec).items.map((r) => r.id)).toEqual(['a']);
    expect(listPage(rows, { q: 'famil' }, spec).items.map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('filters by status, by any of an item’s municipalities, and by Berlin day', () => {
    expect(listPage(rows, { status: 'open' }, spec).total).toBe(2);
    expect(listPage(rows, { ags: '05978020' }, spec).items.map((r) => r.id)).toEqual(['a']);
    // 23:30 UTC on 15 Dec is 00:30 on 16 Dec in Berlin
    expect(listPage(rows, { from: '2011-12-16', to: '2011-12-31' }, spec).items.map((r) => r.id)).toEqual([
      'a',
    ]);
    expect(listPage(rows, { to: '2011-12-15' }, spec).items.map((r) => r.id)).toEqual(['b']);
  });
});
