import { amountInWords, numberInWords } from './amount-in-words';
import {
  berlinDateTime,
  formatDateLong,
  formatDateNumeric,
  formatDateRange,
  formatDecimal,
  formatEur,
  formatEurCompact,
  formatInstant,
  formatInteger,
  formatPercent,
  formatPeriod,
  periodOf,
} from './german';

/** Tests write the no-break space between number and unit as "␣" to keep the expectations readable. */
const nb = (text: string) => text.replace(/␣/g, '\u00a0');

describe('German formatting', () => {
  it('writes dates in words and numerals', () => {
    expect(formatDateLong('2026-03-15')).toBe('15. März 2026');
    expect(formatDateLong('2026-03-15', { weekday: true })).toBe('Sonntag, 15. März 2026');
    expect(formatDateLong('2011-12-01', { weekday: true })).toBe('Donnerstag, 1. Dezember 2011');
    expect(formatDateNumeric('2026-03-15')).toBe('15.03.2026');
    expect(formatDateRange('2026-07-01', '2026-09-30')).toBe('01.07.2026–30.09.2026');
  });

  it('writes dates in English on request', () => {
    expect(formatDateLong('2026-03-15', { locale: 'en', weekday: true })).toBe('Sunday, 15 March 2026');
    expect(formatDateNumeric('2026-03-15', 'en')).toBe('2026-03-15');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => formatDateLong('2026-02-30')).toThrow(RangeError);
    expect(() => formatDateNumeric('15.03.2026')).toThrow(RangeError);
  });

  it('names the Berlin wall-clock time of an instant, in summer and in winter', () => {
    expect(berlinDateTime('2026-07-01T22:30:00Z')).toEqual({ date: '2026-07-02', time: '00:30' });
    expect(formatInstant('2026-01-15T13:05:00Z')).toBe(nb('15. Januar 2026, 14:05␣Uhr'));
  });

  it('writes euro amounts from cents, to the cent or in whole euros', () => {
    expect(formatEur(123_456_789)).toBe(nb('1.234.567,89␣€'));
    expect(formatEur(5)).toBe(nb('0,05␣€'));
    expect(formatEur(0)).toBe(nb('0,00␣€'));
    expect(formatEur(-150_000)).toBe(nb('-1.500,00␣€'));
    expect(formatEur(251_735_749, { wholeEuros: true })).toBe(nb('2.517.357␣€'));
    expect(formatEur(250, { wholeEuros: true })).toBe(nb('3␣€'));
    expect(formatEur(123_456_789, { locale: 'en' })).toBe('€1,234,567.89');
    expect(() => formatEur(12.5)).toThrow(RangeError);
  });

  it('writes short amounts for chart labels', () => {
    expect(formatEurCompact(125_000_000)).toBe(nb('1,3␣Mio.␣€'));
    expect(formatEurCompact(45_649_999)).toBe(nb('456␣Tsd.␣€'));
    expect(formatEurCompact(95_049)).toBe(nb('950␣€'));
    expect(formatEurCompact(95_050)).toBe(nb('951␣€'));
    expect(formatEurCompact(0)).toBe(nb('0␣€'));
    expect(formatEurCompact(125_000_000, 'en')).toBe('€1.3m');
  });

  it('writes whole numbers, decimals and percentages the German way', () => {
    expect(formatInteger(1234567)).toBe('1.234.567');
    expect(formatInteger(-1234)).toBe('-1.234');
    expect(formatDecimal(1234.5, 1)).toBe('1.234,5');
    expect(formatDecimal(1.005, 2)).toBe('1,01');
    expect(formatDecimal(-0.001, 2)).toBe('0,00');
    expect(formatPercent(49)).toBe(nb('49␣%'));
    expect(formatPercent(49.25, 1)).toBe(nb('49,3␣%'));
    expect(formatPercent(82.4, 0, 'en')).toBe('82%');
  });

  it('labels report periods: year, half, quarter, or a span of days', () => {
    expect(formatPeriod({ kind: 'year', year: 2018 })).toBe('2018');
    expect(formatPeriod({ kind: 'half', year: 2018, half: 1 })).toBe('1. Halbjahr 2018');
    expect(formatPeriod({ kind: 'quarter', year: 2026, quarter: 3 })).toBe('3. Quartal 2026');
    expect(formatPeriod({ kind: 'span', from: '2026-07-01', to: '2026-09-30' })).toBe(
      '01.07.2026–30.09.2026',
    );
    expect(formatPeriod({ kind: 'quarter', year: 2026, quarter: 3 }, 'en')).toBe('Q3 2026');
  });

  it('recognises a calendar year, half or quarter in a span of days, and keeps any other span', () => {
    expect(periodOf('2018-01-01', '2018-12-31')).toEqual({ kind: 'year', year: 2018 });
    expect(periodOf('2018-07-01', '2018-12-31')).toEqual({ kind: 'half', year: 2018, half: 2 });
    expect(periodOf('2026-07-01', '2026-09-30')).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
    expect(periodOf('2026-02-01', '2026-04-30')).toEqual({
      kind: 'span',
      from: '2026-02-01',
      to: '2026-04-30',
    });
    expect(periodOf('2026-04-01', '2026-09-30')).toEqual({
      kind: 'span',
      from: '2026-04-01',
      to: '2026-09-30',
    });
    expect(periodOf('2026-03-15', '2027-03-14')).toEqual({
      kind: 'span',
      from: '2026-03-15',
      to: '2027-03-14',
    });
  });

  it('writes an amount in words as a notice states it "in Buchstaben"', () => {
    expect(amountInWords(25_000_000)).toBe('zweihundertfünfzigtausend Euro');
    expect(amountInWords(100)).toBe('ein Euro');
    expect(amountInWords(10_150)).toBe('einhunderteins Euro und fünfzig Cent');
    expect(amountInWords(123_456_789)).toBe(
      'eine Million zweihundertvierunddreißigtausendfünfhundertsiebenundsechzig Euro und neunundachtzig Cent',
    );
    expect(numberInWords(2_000_017)).toBe('zwei Millionen siebzehn');
    expect(numberInWords(1_001_000_000)).toBe('eine Milliarde eine Million');
    expect(numberInWords(0)).toBe('null');
    expect(numberInWords(71)).toBe('einundsiebzig');
  });
});
