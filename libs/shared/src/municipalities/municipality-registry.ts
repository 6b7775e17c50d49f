import { readFileSync } from 'node:fs';

/** An 8-digit Amtlicher Gemeindeschlüssel. */
export const AGS_PATTERN = /^\d{8}$/;

export type MunicipalityType =
  'kreisfreie-stadt' | 'kreisangehoerige-stadt' | 'kreisangehoerige-gemeinde' | 'kreis';
export const MUNICIPALITY_TYPES: MunicipalityType[] = [
  'kreisfreie-stadt',
  'kreisangehoerige-stadt',
  'kreisangehoerige-gemeinde',
  'kreis',
];

/** One population figure with the day it refers to (Stichtag); undated figures hold at any date. */
export interface PopulationFigure {
  population: number;
  referenceDate?: string;
}

export interface Municipality {
  ags: string;
  name: string;
  type: MunicipalityType;
  regierungsbezirk: string;
  /** The parent Kreis of a kreisangehörige Stadt or Gemeinde. */
  kreisAgs?: string;
  /** The latest figure. */
  population: number;
  /** Every figure the registry holds, oldest first. */
  populations: PopulationFigure[];
}

/** A registry row that cannot be read: names the file, the line and the field, in one sentence. */
export class RegistryFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    reason: string,
  ) {
    super(`municipality registry ${file}, line ${line}, field "${field}": ${reason}`);
    this.name = 'RegistryFileError';
  }
}

/**
 * Reference data: municipalities by AGS. The default is the official Gemeindeverzeichnis of NRW
 * (`reference-data/nrw-gemeindeverzeichnis.csv`). A file may hold several rows of one AGS with
 * different `population_date`s: population figures are versioned by reference date, and a
 * call's tiers use the figure in force on the call's date (`populationOn`).
 */
export class MunicipalityRegistry {
  private readonly byAgs: Map<string, Municipality>;

  constructor(municipalities: Municipality[]) {
    this.byAgs = new Map(municipalities.map((m) => [m.ags, m]));
  }

  static fromCsvFile(file: string): MunicipalityRegistry {
    return new MunicipalityRegistry(parseMunicipalityCsv(readFileSync(file, 'utf8'), file));
  }

  find(ags: string): Municipality | undefined {
    return this.byAgs.get(ags);
  }

  all(): Municipality[] {
    return [...this.byAgs.values()];
  }

  /**
   * The population in force on a day (YYYY-MM-DD): the latest figure whose reference date is on or
   * before it; before the earliest dated figure, the earliest one (the nearest the registry knows).
   */
  populationOn(ags: string, date: string): number | undefined {
    const m = this.byAgs.get(ags);
    return m && populationInForce(m.populations, date);
  }
}

export function populationInForce(figures: PopulationFigure[], date: string): number | undefined {
  if (figures.length === 0) return undefined;
  const day = date.slice(0, 10);
  const inForce = figures.filter((f) => f.referenceDate === undefined || f.referenceDate <= day);
  return (inForce.at(-1) ?? figures[0]).population;
}

/** RFC 4180 fields of one line: commas inside double quotes, doubled quotes as a quote. */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a registry CSV: columns `ags`, `name`, `type`, `regierungsbezirk`, `population` (or the
 * demo's `population_approx`), optionally `kreis_ags` and `population_date`. Any other column is
 * ignored. The first bad row throws a {@link RegistryFileError}.
 */
export function parseMunicipalityCsv(text: string, file = 'registry'): Municipality[] {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
  const columns = splitCsvLine(header ?? '').map((c) => c.trim());
  const has = (name: string) => columns.includes(name);
  const populationColumn = has('population') ? 'population' : 'population_approx';
  for (const name of ['ags', 'name', 'type', 'regierungsbezirk', populationColumn]) {
    if (!has(name)) throw new RegistryFileError(file, 1, name, 'the header has no such column');
  }
  const rows = new Map<string, Municipality>();
  lines.forEach((line, n) => {
    const lineNo = n + 2;
    if (line.trim() === '') return;
    const cells = splitCsvLine(line);
    const at = (name: string) => (has(name) ? (cells[columns.indexOf(name)] ?? '').trim() : '');
    const bad = (field: string, reason: string) => new RegistryFileError(file, lineNo, field, reason);
    if (cells.length !== columns.length)
      throw bad('ags', `the row has ${cells.length} fields, the header ${columns.length}`);
    const ags = at('ags');
    if (!AGS_PATTERN.test(ags)) throw bad('ags', `"${ags}" is not an 8-digit AGS`);
    const name = at('name');
    if (!name) throw bad('name', 'the name is empty');
    const type = at('type') as MunicipalityType;
    if (!MUNICIPALITY_TYPES.includes(type))
      throw bad('type', `"${type}" is not one of ${MUNICIPALITY_TYPES.join(', ')}`);
    const regierungsbezirk = at('regierungsbezirk');
    if (!regierungsbezirk) throw bad('regierungsbezirk', 'the Regierungsbezirk is empty');
    const kreisAgs = at('kreis_ags') || undefined;
    if (kreisAgs !== undefined && !AGS_PATTERN.test(kreisAgs))
      throw bad('kreis_ags', `"${kreisAgs}" is not an 8-digit AGS`);
    const rawPopulation = at(populationColumn);
    const population = Number(rawPopulation);
    if (rawPopulation === '' || !Number.isInteger(population) || population < 0)
      throw bad(populationColumn, `"${rawPopulation}" is not a whole number of inhabitants`);
    const referenceDate = at('population_date') || undefined;
    if (referenceDate !== undefined && (!DATE.test(referenceDate) || isNaN(Date.parse(referenceDate))))
      throw bad('population_date', `"${referenceDate}" is not a date (YYYY-MM-DD)`);
    const figure: PopulationFigure = { population, ...(referenceDate && { referenceDate }) };
    const known = rows.get(ags);
    if (known) {
      if (known.populations.some((f) => f.referenceDate === referenceDate))
        throw bad('population_date', `AGS ${ags} already has a population for ${referenceDate ?? 'no date'}`);
      known.populations = [...known.populations, figure].sort((a, b) =>
        (a.referenceDate ?? '').localeCompare(b.referenceDate ?? ''),
      );
      known.population = known.populations.at(-1)!.population;
      return;
    }
    rows.set(ags, {
      ags,
      name,
      type,
      regierungsbezirk,
      ...(kreisAgs && { kreisAgs }),
      population,
      populations: [figure],
    });
  });
  return [...rows.values()];
}
