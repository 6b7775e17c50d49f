import { germanClosing, germanDate, germanList } from './german-words';

describe('German words in refusals', () => {
  it('writes a calendar day as dd.mm.yyyy and an instant in Berlin time', () => {
    expect(germanDate('2011-12-15')).toBe('15.12.2011');
    expect(germanDate('2011-11-09T09:00:00.000Z')).toBe('09.11.2011, 10:00 Uhr');
    expect(germanDate('2012-06-01T08:30:00Z')).toBe('01.06.2012, 10:30 Uhr');
    expect(germanDate('kein Datum')).toBe('kein Datum');
  });

  it('writes an end at midnight Berlin time as 24:00 of the last day', () => {
    expect(germanClosing('2011-12-15T23:00:00.000Z')).toBe('15.12.2011, 24:00 Uhr');
    expect(germanClosing('2012-06-30T22:00:00.000Z')).toBe('30.06.2012, 24:00 Uhr');
    expect(germanClosing('2011-12-15T11:00:00.000Z')).toBe('15.12.2011, 12:00 Uhr');
    expect(germanClosing('2011-12-15')).toBe('15.12.2011');
  });

  it('joins a list with "und"', () => {
    expect(germanList([])).toBe('');
    expect(germanList(['Rat'])).toBe('Rat');
    expect(germanList(['Rat', 'Kreistag'])).toBe('Rat und Kreistag');
    expect(germanList([1, 2, 3])).toBe('1, 2 und 3');
  });
});
