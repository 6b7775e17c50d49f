import { instantBound } from './as-of';

describe('reading an "as of" date', () => {
  it('takes a date as its whole day in Berlin, winter and summer', () => {
    expect(new Date(instantBound('2011-12-15', 'occurred')?.beforeMs as number).toISOString()).toBe(
      '2011-12-15T23:00:00.000Z',
    );
    expect(new Date(instantBound('2012-06-30', 'recorded')?.beforeMs as number).toISOString()).toBe(
      '2012-06-30T22:00:00.000Z',
    );
  });

  it('takes an instant inclusively, and refuses what is neither', () => {
    expect(instantBound('2012-01-31T12:00:00Z', 'recorded')?.beforeMs).toBe(
      Date.parse('2012-01-31T12:00:00.001Z'),
    );
    expect(instantBound('2012-01-31T12:00:00+01:00', 'recorded')?.beforeMs).toBe(
      Date.parse('2012-01-31T11:00:00.001Z'),
    );
    for (const bad of ['2012-02-30', '31.01.2012', '2012-01-31T12:00', 'now']) {
      expect(instantBound(bad, 'recorded')).toBeUndefined();
    }
  });
});
