import type { Municipality } from '@app/shared';

/**
 * Whether a municipality runs its own Jugendamt. The reference data does not say, so it is derived
 * here, and only here, from the municipality's type and size, following NRW practice:
 * - every kreisfreie Stadt and every Kreis is örtlicher Träger der öffentlichen Jugendhilfe
 *   (§ 69 SGB VIII with § 1 AG-KJHG NRW);
 * - a kreisangehörige Stadt may run its own Jugendamt (§ 2 AG-KJHG NRW), which in practice the
 *   mittlere and große kreisangehörige Städte do: from 20,000 inhabitants on (cf. § 4 GO NRW).
 * This is an approximation for the cross-section view; a town's actual status may differ.
 */
export const OWN_JUGENDAMT_MIN_POPULATION = 20_000;

export function hasOwnJugendamt(m: Pick<Municipality, 'type' | 'population'>): boolean {
  if (m.type === 'kreisfreie-stadt' || m.type === 'kreis') return true;
  return m.population >= OWN_JUGENDAMT_MIN_POPULATION;
}

export type PopulationBand = 'under-50k' | '50k-100k' | '100k-200k' | 'over-200k';
export const POPULATION_BANDS: PopulationBand[] = ['under-50k', '50k-100k', '100k-200k', 'over-200k'];

/**
 * Size bands of the cross-section. "Over 200,000" starts above 200,000, as the call's top funding
 * tier does (more than 200,000 inhabitants: 64,000 EUR); the lower bounds are inclusive.
 */
export function populationBand(population: number): PopulationBand {
  if (population < 50_000) return 'under-50k';
  if (population < 100_000) return '50k-100k';
  if (population <= 200_000) return '100k-200k';
  return 'over-200k';
}

/** The five Regierungsbezirke of NRW, always listed, so an empty one shows as a gap. */
export const NRW_REGIERUNGSBEZIRKE = ['Arnsberg', 'Detmold', 'Düsseldorf', 'Köln', 'Münster'];
