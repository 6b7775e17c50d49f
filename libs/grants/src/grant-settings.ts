/**
 * The programme terms a grant applies (docs/events.md, ProgrammeTerms): financing shares, the
 * disbursement window and the interest on refunds.
 */
/** In percent of the eligible total expenditure (ESF + Land + own funds), not of the grant. */
export interface FinancingLimits {
  esfMaxPercent: number;
  landMaxPercent: number;
  ownMinPercent: number;
}

export interface GrantSettings {
  financing: FinancingLimits;
  disbursementWindowMonths: number;
  interestPointsAboveBaseRate: number;
}

/**
 * What notices issued before their settings were recorded applied (read from history only): of
 * the eligible total ESF at most half, Land at most a quarter, own funds at least a quarter;
 * 2 months (ANBest-G); § 49a VwVfG.
 */
export const DEFAULT_GRANT_SETTINGS: GrantSettings = {
  financing: { esfMaxPercent: 50, landMaxPercent: 25, ownMinPercent: 25 },
  disbursementWindowMonths: 2,
  interestPointsAboveBaseRate: 5,
};

interface RulesLike {
  sources: { sourceId: string; maxPercent?: number; minPercent?: number }[];
  disbursementWindowMonths: number;
  interestPointsAboveBaseRate: number;
}

const numberOr = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

/**
 * What a grant applies of the terms. Notices still state their money as ESF, Land and own funds
 * (`GrantNoticeIssued` v1 shape): the limits are those of the sources with the ids `esf`, `land`
 * and `own`; a programme without such a source allows nothing from it (0 %), and without a
 * minimum for `own` asks no own share.
 */
export function grantSettingsFrom(rules: RulesLike): GrantSettings {
  const source = (id: string) => rules.sources.find((s) => s.sourceId === id);
  return {
    financing: {
      esfMaxPercent: numberOr(source('esf')?.maxPercent, source('esf') ? 100 : 0),
      landMaxPercent: numberOr(source('land')?.maxPercent, source('land') ? 100 : 0),
      ownMinPercent: numberOr(source('own')?.minPercent, 0),
    },
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

/** The rules version a decision applies, and what it sets for grants. */
export interface ResolvedRules {
  applied: { version: number; effectiveFrom: string | null };
  settings: GrantSettings;
}
