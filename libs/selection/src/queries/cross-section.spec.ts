import type { Applicant } from '@app/applications';
import { hasOwnJugendamt, populationBand } from '../municipality-profile';
import { crossSection } from './cross-section';

const town = (
  name: string,
  type: Applicant['type'],
  population: number,
  regierungsbezirk: string,
): Applicant => ({
  ags: '05000000',
  name,
  type,
  population,
  regierungsbezirk,
});
const oberhausen = town('Oberhausen', 'kreisfreie-stadt', 210000, 'Düsseldorf');
const kreisUnna = town('Kreis Unna', 'kreis', 395000, 'Arnsberg');
const selm = town('Selm', 'kreisangehoerige-stadt', 26000, 'Arnsberg');
const small = town('Kleinstadt', 'kreisangehoerige-stadt', 12000, 'Detmold');
const moers = town('Moers', 'kreisangehoerige-stadt', 104000, 'Düsseldorf');

describe('own Jugendamt (NRW practice)', () => {
  it('is run by every kreisfreie Stadt and Kreis, and by kreisangehörige Städte from 20,000 inhabitants', () => {
    expect(hasOwnJugendamt(oberhausen)).toBe(true);
    expect(hasOwnJugendamt(kreisUnna)).toBe(true);
    expect(hasOwnJugendamt(selm)).toBe(true);
    expect(hasOwnJugendamt({ type: 'kreisangehoerige-stadt', population: 20000 })).toBe(true);
    expect(hasOwnJugendamt({ type: 'kreisangehoerige-stadt', population: 19999 })).toBe(false);
  });
});

describe('population bands', () => {
  it('put 200,000 in the middle band and more than 200,000 in the top band, as the funding tiers do', () => {
    expect([49999, 50000, 99999, 100000, 200000, 200001].map(populationBand)).toEqual([
      'under-50k',
      '50k-100k',
      '50k-100k',
      '100k-200k',
      '100k-200k',
      'over-200k',
    ]);
  });
});

describe('the cross-section of candidates and selected', () => {
  const section = crossSection('kkz-2011', [
    { lead: oberhausen, outcome: 'selected' },
    { lead: kreisUnna, outcome: 'selected' },
    { lead: selm, outcome: 'rejected' },
    { lead: small, outcome: 'waitlisted' },
    { lead: moers },
  ]);

  it('counts every candidate once and the selected among them', () => {
    expect(section).toMatchObject({ callId: 'kkz-2011', candidates: 5, selected: 2 });
  });

  it('lists each administrative type, selected or not', () =>
    expect(section.byMunicipalityType).toEqual([
      { value: 'kreisfreie-stadt', candidates: 1, selected: 1 },
      { value: 'kreisangehoerige-stadt', candidates: 3, selected: 0 },
      { value: 'kreis', candidates: 1, selected: 1 },
    ]));

  it('splits by own Jugendamt, Regierungsbezirk and population band', () => {
    expect(section.byOwnJugendamt).toEqual([
      { value: 'with-own-jugendamt', candidates: 4, selected: 2 },
      { value: 'without-own-jugendamt', candidates: 1, selected: 0 },
    ]);
    expect(section.byRegierungsbezirk).toEqual([
      { value: 'Arnsberg', candidates: 2, selected: 1 },
      { value: 'Detmold', candidates: 1, selected: 0 },
      { value: 'Düsseldorf', candidates: 2, selected: 1 },
      { value: 'Köln', candidates: 0, selected: 0 },
      { value: 'Münster', candidates: 0, selected: 0 },
    ]);
    expect(section.byPopulationBand).toEqual([
      { value: 'under-50k', candidates: 2, selected: 0 },
      { value: '50k-100k', candidates: 0, selected: 0 },
      { value: '100k-200k', candidates: 1, selected: 0 },
      { value: 'over-200k', candidates: 2, selected: 2 },
    ]);
  });
});
