import { readFileSync } from 'node:fs';

/** An 8-digit Amtlicher Gemeindeschlüssel. */
export const AGS_PATTERN = /^\d{8}$/;

export type MunicipalityType = 'kreisfreie-stadt' | 'kreisangehoerige-stadt' | 'kreis';
export const MUNICIPALITY_TYPES: MunicipalityType[] = ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'];

export interface Municipality {
  ags: string;
  name: string;
  type: MunicipalityType;
  regierungsbezirk: string;
  population: number;
}

/**
 * Reference data: municipalities by AGS. The bundled file covers the programme's participants
 * and applicants; a production system points MUNICIPALITY_REGISTRY_FILE at the official list.
 */
export class MunicipalityRegistry {
  private readonly byAgs: Map<string, Municipality>;

  constructor(municipalities: Municipality[]) {
    this.byAgs = new Map(municipalities.map((m) => [m.ags, m]));
  }

  static fromCsvFile(file: string): MunicipalityRegistry {
    return new MunicipalityRegistry(parseMunicipalityCsv(readFileSync(file, 'utf8')));
  }

  find(ags: string): Municipality | undefined {
    return this.byAgs.get(ags);
  }

  all(): Municipality[] {
    return [...this.byAgs.values()];
  }
}

export function parseMunicipalityCsv(text: string): Municipality[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = header.split(',');
  const col = (name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`municipality registry: column "${name}" is missing`);
    return i;
  };
  const [ags, name, type, rb, pop] = ['ags', 'name', 'type', 'regierungsbezirk', 'population_approx'].map(
    col,
  );
  return lines.map((line, n) => {
    const cells = line.split(',');
    const m: Municipality = {
      ags: cells[ags],
      name: cells[name],
      type: cells[type] as MunicipalityType,
      regierungsbezirk: cells[rb],
      population: Number(cells[pop]),
    };
    if (!AGS_PATTERN.test(m.ags) || !MUNICIPALITY_TYPES.includes(m.type) || !Number.isFinite(m.population)) {
      throw new Error(`municipality registry: line ${n + 2} is not valid: ${line}`);
    }
    return m;
  });
}
