/**
 * The programme terms a grant applies (docs/events.md, ProgrammeTerms): the funding sources with
 * their shares, the phases, the disbursement window and the interest on refunds.
 */

/** A source as the terms name it: shares in percent of the eligible total expenditure, not of the grant. */
export interface GrantSource {
  sourceId: string;
  name: string;
  kind: 'grant' | 'own' | 'third-party';
  maxPercent?: number;
  minPercent?: number;
}

export interface GrantPhase {
  phaseId: string;
  name: string;
}

export interface GrantSettings {
  sources: GrantSource[];
  /** [] = the programme has no phases. */
  phases: GrantPhase[];
  disbursementWindowMonths: number;
  interestPointsAboveBaseRate: number;
}

/**
 * What notices issued before their settings were recorded applied (read from history only):
 * 2 months (ANBest-G); § 49a VwVfG.
 */
export const DEFAULT_GRANT_SETTINGS: Pick<
  GrantSettings,
  'disbursementWindowMonths' | 'interestPointsAboveBaseRate'
> = {
  disbursementWindowMonths: 2,
  interestPointsAboveBaseRate: 5,
};

interface RulesLike {
  sources: GrantSource[];
  phases?: GrantPhase[];
  disbursementWindowMonths: number;
  interestPointsAboveBaseRate: number;
}

const numberOr = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

/** What a grant applies of the terms: every source with its limits, and the phases by id and name. */
export function grantSettingsFrom(rules: RulesLike): GrantSettings {
  return {
    sources: rules.sources.map(({ sourceId, name, kind, maxPercent, minPercent }) => ({
      sourceId,
      name,
      kind,
      ...(typeof maxPercent === 'number' && { maxPercent }),
      ...(typeof minPercent === 'number' && { minPercent }),
    })),
    phases: (rules.phases ?? []).map(({ phaseId, name }) => ({ phaseId, name })),
    // Calendar months: a fraction of a month has no end date.
    disbursementWindowMonths: Number.isInteger(rules.disbursementWindowMonths)
      ? rules.disbursementWindowMonths
      : DEFAULT_GRANT_SETTINGS.disbursementWindowMonths,
    interestPointsAboveBaseRate: numberOr(
      rules.interestPointsAboveBaseRate,
      DEFAULT_GRANT_SETTINGS.interestPointsAboveBaseRate,
    ),
  };
}

/** The ids of the sources that make up the grant (paid out by the grants office). */
export const grantSourceIds = (sources: readonly GrantSource[]) =>
  sources.filter((s) => s.kind === 'grant').map((s) => s.sourceId);

/** The rules version a decision applies, and what it sets for grants. */
export interface ResolvedRules {
  applied: { version: number; effectiveFrom: string | null };
  settings: GrantSettings;
}
