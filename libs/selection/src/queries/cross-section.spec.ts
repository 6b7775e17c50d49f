import type { Applicant } from '@app/applications';
import { hasOwnJugendamt, populationBand } from '../municipality-profile';
import { CROSS_SECTION_BUILT_IN_BEFORE_V2 } from '@app/programmes-calls/legacy/call-terms-before-v2';
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
  const section = crossSection(
    'kkz-2011',
    [
      { lead: oberhausen, outcome: 'selected' },
      { lead: kreisUnna, outcome: 'selected' },
      { lead: selm, outcome: 'rejected' },
      { lead: small, outcome: 'waitlisted' },
      { lead: moers },
    ],
    {
      ...CROSS_SECTION_BUILT_IN_BEFORE_V2,
      eligibleApplicantTypes: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'],
    },
  );

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

describe("the call's own cross-section", () => {
  it('breaks down only by the dimensions the call names, with its population bands and applicant types', () => {
    const holzwickede = town('Holzwickede', 'kreisangehoerige-gemeinde', 17596, 'Arnsberg');
    const section = crossSection(
      'dbl-2026',
      [{ lead: holzwickede, outcome: 'selected' }, { lead: kreisUnna }, { lead: moers, outcome: 'selected' }],
      {
        dimensions: ['population-band', 'municipality-type'],
        populationBands: [
          { bandId: 'under-30k', minPopulation: 0, maxPopulation: 29_999 },
          { bandId: '30k-150k', minPopulation: 30_000, maxPopulation: 150_000 },
          { bandId: 'over-150k', minPopulation: 150_001 },
        ],
        eligibleApplicantTypes: ['kreisangehoerige-gemeinde', 'kreis'],
      },
    );
    expect(section.dimensions).toEqual(['population-band', 'municipality-type']);
    expect(section.byPopulationBand).toEqual([
      { value: 'under-30k', candidates: 1, selected: 1 },
      { value: '30k-150k', candidates: 1, selected: 1 },
      { value: 'over-150k', candidates: 1, selected: 0 },
    ]);
    // Types listed are the call's; a candidate of another type still shows (here Moers, a Stadt).
    expect(section.byMunicipalityType).toEqual([
      { value: 'kreisangehoerige-gemeinde', candidates: 1, selected: 1 },
      { value: 'kreis', candidates: 1, selected: 0 },
      { value: 'kreisangehoerige-stadt', candidates: 1, selected: 1 },
    ]);
    expect(section).not.toHaveProperty('byRegierungsbezirk');
    expect(section).not.toHaveProperty('byOwnJugendamt');
  });
});
