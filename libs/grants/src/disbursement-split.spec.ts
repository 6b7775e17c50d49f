import { splitBySource } from './disbursement-split';

describe('a payment split over the notice grant sources', () => {
  it('in proportion to their amounts, adding up to the payment to the cent', () => {
    // Bund 75,000 €, Land 45,000 €: a payment of 10,000.01 € is 62.5 % / 37.5 %.
    const parts = splitBySource(1_000_001, [
      { sourceId: 'bund', cents: 7_500_000 },
      { sourceId: 'land', cents: 4_500_000 },
    ]);
    expect(parts).toEqual([
      { sourceId: 'bund', cents: 625_001 },
      { sourceId: 'land', cents: 375_000 },
    ]);
  });

  it('gives the cents rounding leaves over to the largest remainders, the earlier source on a tie', () => {
    const thirds = splitBySource(100, [
      { sourceId: 'a', cents: 1 },
      { sourceId: 'b', cents: 1 },
      { sourceId: 'c', cents: 1 },
    ]);
    expect(thirds.map((p) => p.cents)).toEqual([34, 33, 33]);
    const uneven = splitBySource(10, [
      { sourceId: 'a', cents: 1 },
      { sourceId: 'b', cents: 2 },
    ]);
    // 3.33… and 6.66…: the cent left over goes to b.
    expect(uneven.map((p) => p.cents)).toEqual([3, 7]);
  });

  it('the 2011 programme: ESF and Land of a grant, whole payment', () => {
    const parts = splitBySource(6_400_000, [
      { sourceId: 'esf', cents: 4_266_667 },
      { sourceId: 'land', cents: 2_133_333 },
    ]);
    expect(parts.reduce((s, p) => s + p.cents, 0)).toBe(6_400_000);
    expect(parts[0].cents).toBe(4_266_667);
  });

  it('nothing to split: zero parts', () => {
    expect(splitBySource(0, [{ sourceId: 'bund', cents: 100 }])).toEqual([{ sourceId: 'bund', cents: 0 }]);
    expect(splitBySource(100, [{ sourceId: 'bund', cents: 0 }])).toEqual([{ sourceId: 'bund', cents: 0 }]);
  });
});
