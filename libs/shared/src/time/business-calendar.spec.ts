import {
  addDays,
  BusinessCalendar,
  berlinDate,
  berlinWallTime,
  lastDayAfterMonths,
} from './business-calendar';

/**
 * NRW's public holidays as published (Innenministerium NRW / Feiertagsgesetz NW, § 2), written
 * out here independently of the library the calendar uses.
 */
const PUBLISHED_NRW_HOLIDAYS: Record<number, string[]> = {
  2011: [
    '2011-01-01',
    '2011-04-22',
    '2011-04-25',
    '2011-05-01',
    '2011-06-02',
    '2011-06-13',
    '2011-06-23',
    '2011-10-03',
    '2011-11-01',
    '2011-12-25',
    '2011-12-26',
  ],
  2012: [
    '2012-01-01',
    '2012-04-06',
    '2012-04-09',
    '2012-05-01',
    '2012-05-17',
    '2012-05-28',
    '2012-06-07',
    '2012-10-03',
    '2012-11-01',
    '2012-12-25',
    '2012-12-26',
  ],
  2017: [
    '2017-01-01',
    '2017-04-14',
    '2017-04-17',
    '2017-05-01',
    '2017-05-25',
    '2017-06-05',
    '2017-06-15',
    '2017-10-03',
    '2017-10-31',
    '2017-11-01',
    '2017-12-25',
    '2017-12-26',
  ],
  2018: [
    '2018-01-01',
    '2018-03-30',
    '2018-04-02',
    '2018-05-01',
    '2018-05-10',
    '2018-05-21',
    '2018-05-31',
    '2018-10-03',
    '2018-11-01',
    '2018-12-25',
    '2018-12-26',
  ],
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-01',
    '2024-05-09',
    '2024-05-20',
    '2024-05-30',
    '2024-10-03',
    '2024-11-01',
    '2024-12-25',
    '2024-12-26',
  ],
};

describe('business calendar of North Rhine-Westphalia', () => {
  const calendar = new BusinessCalendar();

  it.each(Object.keys(PUBLISHED_NRW_HOLIDAYS).map(Number))('knows the public holidays of %i', (year) => {
    expect(calendar.holidaysOf(year).map((h) => h.date)).toEqual(PUBLISHED_NRW_HOLIDAYS[year]);
  });

  it('keeps 31 October a working day except in the Reformation year 2017', () => {
    expect(calendar.isHoliday('2017-10-31')).toBe(true);
    expect(calendar.isWorkingDay('2016-10-31')).toBe(true);
    expect(calendar.isWorkingDay('2018-10-31')).toBe(true);
  });

  it('takes one-off holidays from its data table', () => {
    const withExtra = new BusinessCalendar([{ date: '2012-03-15', name: 'test one-off' }]);
    expect(withExtra.isHoliday('2012-03-15')).toBe(true);
    expect(calendar.isHoliday('2012-03-15')).toBe(false);
  });

  describe('§ 193 BGB: a period ending on a weekend or holiday ends on the next working day', () => {
    it('keeps a working day and ends it at 24:00 Berlin time', () => {
      expect(calendar.deadlineEnd('2011-12-15')).toEqual({
        dueDate: '2011-12-15',
        lastDay: '2011-12-15',
        dueAt: '2011-12-15T23:00:00.000Z',
        fixed: false,
      });
    });

    it('moves a Saturday to Monday', () => {
      expect(calendar.deadlineEnd('2011-12-17').lastDay).toBe('2011-12-19');
    });

    it('moves Christmas Eve on a Saturday past both Christmas holidays', () => {
      expect(calendar.deadlineEnd('2011-12-24').lastDay).toBe('2011-12-27');
    });

    it('moves Good Friday past Easter Monday', () => {
      expect(calendar.deadlineEnd('2012-04-06').lastDay).toBe('2012-04-10');
    });

    it('moves 31 October 2017 past All Saints', () => {
      expect(calendar.deadlineEnd('2017-10-31').lastDay).toBe('2017-11-02');
    });

    it('ends in the right offset when the shift crosses a clock change', () => {
      // Saturday 28 Oct 2017 in summer time; Monday 30 Oct is already winter time (CET).
      expect(calendar.deadlineEnd('2017-10-28').dueAt).toBe('2017-10-30T23:00:00.000Z');
      // Saturday 25 Mar 2017 in winter time; Monday 27 Mar is summer time (CEST).
      expect(calendar.deadlineEnd('2017-03-25').dueAt).toBe('2017-03-27T22:00:00.000Z');
    });

    it('never moves a date the programme marked fixed', () => {
      expect(calendar.deadlineEnd('2011-12-17', { fixed: true })).toEqual({
        dueDate: '2011-12-17',
        lastDay: '2011-12-17',
        dueAt: '2011-12-17T23:00:00.000Z',
        fixed: true,
      });
    });
  });

  it('places Berlin wall-clock times right on the days clocks change', () => {
    expect(berlinWallTime('2017-03-26', 8).toISOString()).toBe('2017-03-26T06:00:00.000Z');
    expect(berlinWallTime('2017-10-29', 8).toISOString()).toBe('2017-10-29T07:00:00.000Z');
    expect(berlinWallTime('2011-12-01', 8).toISOString()).toBe('2011-12-01T07:00:00.000Z');
    expect(berlinDate('2011-12-15T23:00:00.000Z')).toBe('2011-12-16');
    expect(berlinDate('2011-12-15T22:59:59.999Z')).toBe('2011-12-15');
  });

  it('counts periods of months after a day (§§ 187 (2), 188 BGB)', () => {
    expect(lastDayAfterMonths('2015-06-30', 6)).toBe('2015-12-31');
    expect(lastDayAfterMonths('2015-12-31', 6)).toBe('2016-06-30');
    expect(lastDayAfterMonths('2015-08-30', 6)).toBe('2016-02-29');
    expect(addDays('2012-02-28', 2)).toBe('2012-03-01');
  });
});
