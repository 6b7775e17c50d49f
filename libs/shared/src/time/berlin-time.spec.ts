import { endOfDayInBerlin, isCalendarDate, startOfDayInZone, zoneOffsetMs } from './berlin-time';

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
  it('gives the offset on each side of a change, asked again and again (it keeps whole hours)', () => {
    const H = 3_600_000;
    const at = (iso: string) => Date.parse(iso);
    for (let round = 0; round < 3; round++) {
      // Berlin, 30 Mar 2025: 02:00 CET becomes 03:00 CEST at 01:00 UTC; back at 01:00 UTC on 26 Oct.
      expect(zoneOffsetMs(at('2025-03-30T00:59:59.999Z'))).toBe(H);
      expect(zoneOffsetMs(at('2025-03-30T01:00:00.000Z'))).toBe(2 * H);
      expect(zoneOffsetMs(at('2025-10-26T00:59:59.000Z'))).toBe(2 * H);
      expect(zoneOffsetMs(at('2025-10-26T01:00:00.000Z'))).toBe(H);
      // Lord Howe Island moves by half an hour in the middle of a UTC hour: 15:30 UTC on 4 Oct 2025.
      expect(zoneOffsetMs(at('2025-10-04T15:10:00Z'), 'Australia/Lord_Howe')).toBe(10.5 * H);
      expect(zoneOffsetMs(at('2025-10-04T15:29:59Z'), 'Australia/Lord_Howe')).toBe(10.5 * H);
      expect(zoneOffsetMs(at('2025-10-04T15:30:00Z'), 'Australia/Lord_Howe')).toBe(11 * H);
      expect(zoneOffsetMs(at('2025-10-04T15:50:00Z'), 'Australia/Lord_Howe')).toBe(11 * H);
      // Kathmandu: +5:45 all year.
      expect(zoneOffsetMs(at('2025-10-04T15:50:00Z'), 'Asia/Kathmandu')).toBe(5.75 * H);
    }
  });
});
