import {
  type ProgrammeRulesVersion,
  rulesOfVersion,
  type AppliedRules as RulesApplied,
} from '@app/programmes-calls/rules';
import type { SourceAmount } from './grant';
import { type GrantPhase, type GrantSource, grantSettingsFrom } from './grant-settings';

/** A call's terms that grants never reads; the rules' own sources and phases do not depend on them. */
const NO_CALL = {
  conditions: { councilResolution: 'not-required' as const, coordinatorRequired: true },
  fundingTiers: [],
};

/**
 * The sources and phases of the terms a notice applied, by the version it recorded (version 0:
 * the terms built in before v2, ESF, Land and own funds); undefined for a version the programme
 * does not know.
 */
export function noticeTerms(
  versions: readonly ProgrammeRulesVersion[],
  applied: RulesApplied,
): { sources: GrantSource[]; phases: GrantPhase[]; proofOfUseMonths: number } | undefined {
  const resolved = rulesOfVersion(versions, NO_CALL, applied);
  if (!resolved) return undefined;
  const { sources, phases } = grantSettingsFrom(resolved.rules);
  return { sources, phases, proofOfUseMonths: resolved.rules.proofOfUseMonths };
}

/** A source's name as its terms give it, else its id. */
export const sourceName = (sources: readonly GrantSource[], sourceId: string) =>
  sources.find((s) => s.sourceId === sourceId)?.name ?? sourceId;

/** The first programme's three sources, as v1 requests stated them (`{ esfCents, landCents, ownCents }`). */
export const V1_SOURCE_IDS = ['esf', 'land', 'own'] as const;

/** Whether the terms' sources are exactly those a v1 request can state: ESF, Land and own funds. */
export const takesV1Financing = (sources: readonly GrantSource[]) =>
  sources.length === V1_SOURCE_IDS.length &&
  V1_SOURCE_IDS.every((id) => sources.some((s) => s.sourceId === id));

/** Sums per source, in the order of the first list, then any further source. */
export function addAmounts(a: readonly SourceAmount[], b: readonly SourceAmount[]): SourceAmount[] {
  const sums = new Map<string, number>();
  for (const { sourceId, cents } of [...a, ...b]) sums.set(sourceId, (sums.get(sourceId) ?? 0) + cents);
  return [...sums].map(([sourceId, cents]) => ({ sourceId, cents }));
}
