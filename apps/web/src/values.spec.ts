import { centsOf, numberOf, slug } from './values';

describe('what people type into the forms', () => {
  it('reads euros the German way: comma for cents, dots between thousands', () => {
    expect(centsOf('30.000')).toBe(3_000_000);
    expect(centsOf('1.234,50')).toBe(123_450);
    expect(centsOf('12,5')).toBe(1_250);
    expect(centsOf('600000')).toBe(60_000_000);
    expect(centsOf(' 20.000,00 € ')).toBe(2_000_000);
  });

  it('reads a lone dot that does not group thousands as the decimal point', () => {
    expect(centsOf('1234.5')).toBe(123_450);
    expect(centsOf('0.99')).toBe(99);
  });

  it('gives nothing for an empty or non-numeric amount, so the API names the field', () => {
    expect(centsOf('')).toBeUndefined();
    expect(centsOf('dreißig')).toBeUndefined();
    expect(numberOf('  ')).toBeUndefined();
    expect(numberOf('18')).toBe(18);
  });

  it('makes machine names from German words', () => {
    expect(slug('Land NRW')).toBe('land-nrw');
    expect(slug('Schulen angebunden (Anzahl)')).toBe('schulen-angebunden-anzahl');
    expect(slug('Überzeugendes Konzept für Familien')).toBe('ueberzeugendes-konzept-fuer-familien');
    expect(slug('Straße')).toBe('strasse');
  });
});
