import { firstDifference } from './first-difference';

describe('first difference between a rebuilt and a live read model', () => {
  it('finds nothing in equal states, whatever the key order of plain objects', () => {
    const state = () => ({ byId: new Map([['a', { tags: new Set(['x']), n: 1 }]]), list: [1, { c: 'x' }] });
    expect(firstDifference(state(), state())).toBeUndefined();
    expect(firstDifference({ a: 1, b: 2 }, { b: 2, a: 1 })).toBeUndefined();
  });

  it('names the path of the first differing value, inside Maps too', () => {
    expect(
      firstDifference(
        { byId: new Map([['kkz-2011.05978000', { status: 'draft' }]]) },
        { byId: new Map([['kkz-2011.05978000', { status: 'submitted' }]]) },
      ),
    ).toEqual({ path: '$.byId["kkz-2011.05978000"].status', rebuilt: 'draft', live: 'submitted' });
    expect(firstDifference({ list: [1, 2] }, { list: [1, 2, 3] })).toEqual({
      path: '$.list[2]',
      rebuilt: undefined,
      live: 3,
    });
    expect(firstDifference(new Map([['a', 1]]), new Map([['b', 1]]))).toMatchObject({ path: '$.a' });
  });

  it('counts the order of a Map, because lists are served in that order', () => {
    expect(
      firstDifference(
        new Map([
          ['a', 1],
          ['b', 2],
        ]),
        new Map([
          ['b', 2],
          ['a', 1],
        ]),
      ),
    ).toMatchObject({ path: '$ (order at entry 0)' });
  });
});
