import type { CouncilResolutionContent } from './council-resolution';
import type { OparlDocuments } from './oparl/oparl-resolution';
import type { ApplicationFacts, MunicipalityFacts } from './resolution-rules';

/**
 * Resolutions of the seeds. Oberhausen (seed 001): proposal, "financial consequences: none",
 * sign-offs Stahl 13.04.2012, Wehling 16.04.2012, Frind 17.04.2012 (the treasurer's field is
 * blank) are from the paper; its reference and the council's date are not in the seed and are
 * illustrative. Kreis Unna (seed 004): proposal, Organisationseinheit Familie und Jugend,
 * budget no. 51 / 2012 and the 64,000 EUR are from the paper; reference, committees and dates
 * are illustrative (after the 15 Dec 2011 deadline, before selection "Ende Februar").
 */
export const OBERHAUSEN: MunicipalityFacts = {
  ags: '05119000',
  name: 'Oberhausen',
  type: 'kreisfreie-stadt',
};
export const KREIS_UNNA: MunicipalityFacts = { ags: '05978000', name: 'Kreis Unna', type: 'kreis' };
export const KAMEN: MunicipalityFacts = { ags: '05978020', name: 'Kamen', type: 'kreisangehoerige-stadt' };

export const OBERHAUSEN_APPLICATION: ApplicationFacts = {
  applicationId: 'kkz-2011.05119000',
  callId: 'kkz-2011',
  leadAgs: '05119000',
  memberAgs: [],
};
export const UNNA_APPLICATION: ApplicationFacts = {
  applicationId: 'kkz-2011.05978000',
  callId: 'kkz-2011',
  leadAgs: '05978000',
  memberAgs: ['05978020', '05978024', '05978032', '05978036'],
};

import { kreisUnnaOparl as kreisUnnaOparlSeed, oberhausenRecordBody } from '@app/shared';

export { kreisUnnaStated, oberhausenRecordBody, UNNA_PROPOSAL } from '@app/shared';

/** Kreis Unna's Vorlage over OParl 1.1 (seed 004), loosely typed so tests can break it apart. */
export function kreisUnnaOparl(): OparlDocuments & {
  paper: Record<string, unknown>;
  agendaItem: Record<string, unknown>;
  consultations: Record<string, unknown>[];
} {
  return kreisUnnaOparlSeed();
}

export function oberhausenResolution(
  overrides: Partial<CouncilResolutionContent> = {},
): CouncilResolutionContent {
  return { ...oberhausenRecordBody(), source: { kind: 'manual' }, ...overrides };
}
