import { endOfDayInBerlin, isCalendarDate, startOfDayInZone } from './berlin-time';

describe('Berlin wall-clock time', () => {
  it('ends a winter deadline at 23:00 UTC (24:00 CET)', () => {
    expect(endOfDayInBerlin('2011-12-15').toISOString()).toBe('2011-12-15T23:00:00.000Z');
  });
  it('ends a summer deadline at 22:00 UTC (24:00 CEST)', () => {
    expect(endOfDayInBerlin('2017-07-31').toISOString()).toBe('2017-07-31T22:00:00.000Z');
  });
  it('is right on the days clocks change', () => {
    // 26 Mar 2017: clocks go forward at 02:00; the day ends at 24:00 CEST.
    expect(endOfDayInBerlin('2017-03-26').toISOString()).toBe('2017-03-26T22:00:00.000Z');
    // 29 Oct 2017: clocks go back at 03:00; the day ends at 24:00 CET.
    expect(endOfDayInBerlin('2017-10-29').toISOString()).toBe('2017-10-29T23:00:00.000Z');
    expect(startOfDayInZone('2017-10-29').toISOString()).toBe('2017-10-28T22:00:00.000Z');
  });
  it('accepts only real calendar days', () => {
    expect(isCalendarDate('2012-02-29')).toBe(true);
    expect(isCalendarDate('2011-02-29')).toBe(false);
    expect(isCalendarDate('2011-13-01')).toBe(false);
    expect(isCalendarDate('15.12.2011')).toBe(false);
  });
});
