import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../config/project-root';
import {
  MunicipalityRegistry,
  parseMunicipalityCsv,
  RegistryFileError,
  splitCsvLine,
} from './municipality-registry';

const official = () =>
  MunicipalityRegistry.fromCsvFile(join(projectRoot(), 'reference-data/nrw-gemeindeverzeichnis.csv'));
const demo = () =>
  MunicipalityRegistry.fromCsvFile(join(projectRoot(), 'reference-data/nrw-municipalities.csv'));

const HEADER = 'ags,name,type,regierungsbezirk,kreis_ags,population,population_date';

describe('the municipality registry', () => {
  it('reads the official Gemeindeverzeichnis: every NRW Gemeinde and Kreis with type, parent Kreis and dated population', () => {
    const registry = official();
    const all = registry.all();
    expect(all).toHaveLength(427);
    const count = (type: string) => all.filter((m) => m.type === type).length;
    expect([
      count('kreisfreie-stadt'),
      count('kreis'),
      count('kreisangehoerige-stadt'),
      count('kreisangehoerige-gemeinde'),
    ]).toEqual([22, 31, 250, 124]);
    expect(registry.find('05978016')).toEqual({
      ags: '05978016',
      name: 'Holzwickede',
      type: 'kreisangehoerige-gemeinde',
      regierungsbezirk: 'Arnsberg',
      kreisAgs: '05978000',
      population: 17596,
      populations: [{ population: 17596, referenceDate: '2024-12-31' }],
    });
    expect(registry.find('05111000')?.name).toBe('Düsseldorf, Stadt');
    expect(registry.find('05978000')?.kreisAgs).toBeUndefined();
    // Every kreisangehörige Stadt or Gemeinde names a Kreis the registry knows.
    for (const m of all.filter((m) => m.type.startsWith('kreisangehoerige-')))
      expect(registry.find(m.kreisAgs!)?.type).toBe('kreis');
  });

  it('keeps the 77 municipalities of the demo: all in the official registry, and the demo file keeps the figures its 2011 tiers used', () => {
    const registry = official();
    const cast = demo();
    expect(cast.all()).toHaveLength(77);
    for (const m of cast.all()) expect(registry.find(m.ags)).toBeDefined();
    // The figures the 2011 tiers were computed with (e.g. Oberhausen above 200,000 → 64,000 €).
    expect(cast.populationOn('05119000', '2011-12-31')).toBe(210000);
    expect(cast.populationOn('05978000', '2011-12-31')).toBe(cast.find('05978000')!.population);
  });

  it('versions population by reference date: the figure in force on a day, the earliest before any', () => {
    const [m] = parseMunicipalityCsv(
      [
        HEADER,
        '05119000,"Oberhausen, Stadt",kreisfreie-stadt,Düsseldorf,,213646,2024-12-31',
        '05119000,"Oberhausen, Stadt",kreisfreie-stadt,Düsseldorf,,212000,2011-12-31',
      ].join('\n'),
    );
    const registry = new MunicipalityRegistry([m]);
    expect(m.populations.map((f) => f.referenceDate)).toEqual(['2011-12-31', '2024-12-31']);
    expect(m.population).toBe(213646);
    expect(registry.populationOn('05119000', '2011-11-09')).toBe(212000);
    expect(registry.populationOn('05119000', '2024-12-30')).toBe(212000);
    expect(registry.populationOn('05119000', '2024-12-31')).toBe(213646);
    expect(registry.populationOn('05119000', '2026-03-16')).toBe(213646);
    expect(registry.populationOn('05999999', '2026-03-16')).toBeUndefined();
  });

  it('splits quoted CSV fields', () => {
    expect(splitCsvLine('a,"b, c",,"d ""e"""')).toEqual(['a', 'b, c', '', 'd "e"']);
  });

  it.each([
    ['a seven-digit AGS', '0511100,X,kreis,Köln,,1,2024-12-31', 'ags'],
    ['an unknown type', '05111000,X,landkreis,Köln,,1,2024-12-31', 'type'],
    ['a population that is not a number', '05111000,X,kreis,Köln,,viele,2024-12-31', 'population'],
    ['a bad date', '05111000,X,kreis,Köln,,1,31.12.2024', 'population_date'],
    ['a bad parent Kreis', '05111000,X,kreisangehoerige-gemeinde,Köln,5111,1,2024-12-31', 'kreis_ags'],
    ['an empty name', '05111000,,kreis,Köln,,1,2024-12-31', 'name'],
  ])('refuses %s naming file, line and field', (_, row, field) => {
    const text = [HEADER, '05978000,Unna,kreis,Arnsberg,,393784,2024-12-31', row].join('\n');
    let error: unknown;
    try {
      parseMunicipalityCsv(text, 'my.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegistryFileError);
    expect((error as RegistryFileError).message).toMatch(
      new RegExp(`^municipality registry my\\.csv, line 3, field "${field}": [^\\n]+$`),
    );
  });

  it('reads a file with the demo columns (population_approx, no date)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    const file = join(dir, 'r.csv');
    writeFileSync(
      file,
      'ags,name,type,regierungsbezirk,population_approx,role_in_demo\n05111000,Düsseldorf,kreisfreie-stadt,Düsseldorf,586000,x\n',
    );
    expect(MunicipalityRegistry.fromCsvFile(file).populationOn('05111000', '2030-01-01')).toBe(586000);
  });
});
