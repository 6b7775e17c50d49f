import type { Applicant } from '@app/applications';
import { MUNICIPALITY_TYPES } from '@app/shared';
import {
  hasOwnJugendamt,
  NRW_REGIERUNGSBEZIRKE,
  POPULATION_BANDS,
  populationBand,
} from '../municipality-profile';
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
  /** Each submission counts once, by its lead applicant (for a joint application, the lead). */
  byMunicipalityType: CrossSectionRow[];
  byOwnJugendamt: CrossSectionRow[];
  byRegierungsbezirk: CrossSectionRow[];
  byPopulationBand: CrossSectionRow[];
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
export function crossSection(callId: string, candidates: Candidate[]): CrossSection {
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
  return {
    callId,
    candidates: candidates.length,
    selected: candidates.filter((c) => c.outcome === 'selected').length,
    byMunicipalityType: tally(MUNICIPALITY_TYPES, (m) => m.type),
    byOwnJugendamt: tally(['with-own-jugendamt', 'without-own-jugendamt'], (m) =>
      hasOwnJugendamt(m) ? 'with-own-jugendamt' : 'without-own-jugendamt',
    ),
    byRegierungsbezirk: tally(NRW_REGIERUNGSBEZIRKE, (m) => m.regierungsbezirk),
    byPopulationBand: tally(POPULATION_BANDS, (m) => populationBand(m.population)),
  };
}
