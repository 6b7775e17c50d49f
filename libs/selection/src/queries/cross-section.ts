import type { Applicant } from '@app/applications';
import { MUNICIPALITY_TYPES } from '@app/shared';
import type {
  CrossSection as CallCrossSection,
  CrossSectionDimension,
  PopulationBand,
} from '@app/programmes-calls';
import { hasOwnJugendamt, NRW_REGIERUNGSBEZIRKE } from '../municipality-profile';
import type { Outcome } from '../selection';

export interface CrossSectionRow {
  value: string;
  candidates: number;
  selected: number;
}

export interface CrossSection {
  callId: string;
  candidates: number;
  selected: number;
  /** The dimensions the call asks for, in its order; only those are broken down below. */
  dimensions: CrossSectionDimension[];
  /** Each submission counts once, by its lead applicant (for a joint application, the lead). */
  byMunicipalityType?: CrossSectionRow[];
  byOwnJugendamt?: CrossSectionRow[];
  byRegierungsbezirk?: CrossSectionRow[];
  byPopulationBand?: CrossSectionRow[];
}

/** What the call says of its cross-section, and the applicant types it is open to (listed even when empty). */
export interface CrossSectionConfig extends CallCrossSection {
  eligibleApplicantTypes: string[];
}

/** The band of a population among the call's bands (bounds inclusive); `other` if none fits. */
export function bandOf(bands: PopulationBand[], population: number): string {
  return (
    bands.find(
      (b) =>
        population >= b.minPopulation && (b.maxPopulation === undefined || population <= b.maxPopulation),
    )?.bandId ?? 'other'
  );
}

export interface Candidate {
  lead: Applicant;
  /** The current outcome, after any correction. */
  outcome?: Outcome;
}

/**
 * How representative the candidates and the selection are: counts by administrative type, own
 * Jugendamt or not, Regierungsbezirk and population band, each row listing candidates and selected.
 */
export function crossSection(
  callId: string,
  candidates: Candidate[],
  config: CrossSectionConfig,
): CrossSection {
  const tally = (values: string[], key: (lead: Applicant) => string): CrossSectionRow[] => {
    const rows = new Map(values.map((value) => [value, { value, candidates: 0, selected: 0 }]));
    for (const { lead, outcome } of candidates) {
      const value = key(lead);
      const row = rows.get(value) ?? { value, candidates: 0, selected: 0 };
      row.candidates += 1;
      if (outcome === 'selected') row.selected += 1;
      rows.set(value, row);
    }
    return [...rows.values()];
  };
  const wants = (d: CrossSectionDimension) => config.dimensions.includes(d);
  const bands = config.populationBands ?? [];
  const types = MUNICIPALITY_TYPES.filter((t) => config.eligibleApplicantTypes.includes(t));
  return {
    callId,
    candidates: candidates.length,
    selected: candidates.filter((c) => c.outcome === 'selected').length,
    dimensions: config.dimensions,
    ...(wants('municipality-type') && { byMunicipalityType: tally(types, (m) => m.type) }),
    ...(wants('own-youth-office') && {
      byOwnJugendamt: tally(['with-own-jugendamt', 'without-own-jugendamt'], (m) =>
        hasOwnJugendamt(m) ? 'with-own-jugendamt' : 'without-own-jugendamt',
      ),
    }),
    ...(wants('regierungsbezirk') && {
      byRegierungsbezirk: tally(NRW_REGIERUNGSBEZIRKE, (m) => m.regierungsbezirk),
    }),
    ...(wants('population-band') && {
      byPopulationBand: tally(
        bands.map((b) => b.bandId),
        (m) => bandOf(bands, m.population),
      ),
    }),
  };
}
