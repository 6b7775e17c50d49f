import { readFileSync } from 'node:fs';
import { municipalitiesCsv } from './paths';

/**
 * The AGS of every municipality in the reference data: each may draft one expression of interest
 * per call, so these are the applicants the HTTP bench spreads its load over.
 */
export function municipalityAgs(): string[] {
  const [header, ...rows] = readFileSync(municipalitiesCsv, 'utf8').trim().split(/\r?\n/);
  const column = header.split(',').indexOf('ags');
  if (column < 0) throw new Error(`${municipalitiesCsv} has no "ags" column`);
  return rows.map((row) => row.split(',')[column]).filter((ags) => /^\d{8}$/.test(ags));
}
