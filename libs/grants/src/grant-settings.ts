/**
 * The programme rules a grant applies (docs/events.md, ProgrammeRules): financing shares, the
 * disbursement window and the interest on refunds. What a rules version leaves out is the default.
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
 * Of the eligible total: ESF at most half, Land at most a quarter, own funds at least a quarter;
 * 2 months (ANBest-G); § 49a VwVfG.
 */
export const DEFAULT_GRANT_SETTINGS: GrantSettings = {
  financing: { esfMaxPercent: 50, landMaxPercent: 25, ownMinPercent: 25 },
  disbursementWindowMonths: 2,
  interestPointsAboveBaseRate: 5,
};

interface RulesLike {
  financing?: Partial<FinancingLimits>;
  disbursementWindowMonths?: number;
  interestPointsAboveBaseRate?: number;
}

const numberOr = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

export function grantSettingsFrom(rules: RulesLike | undefined): GrantSettings {
  const d = DEFAULT_GRANT_SETTINGS;
  const f = rules?.financing ?? {};
  return {
    financing: {
      esfMaxPercent: numberOr(f.esfMaxPercent, d.financing.esfMaxPercent),
      landMaxPercent: numberOr(f.landMaxPercent, d.financing.landMaxPercent),
      ownMinPercent: numberOr(f.ownMinPercent, d.financing.ownMinPercent),
    },
    // Calendar months: a fraction of a month has no end date.
    disbursementWindowMonths: Number.isInteger(rules?.disbursementWindowMonths)
      ? numberOr(rules?.disbursementWindowMonths, d.disbursementWindowMonths)
      : d.disbursementWindowMonths,
    interestPointsAboveBaseRate: numberOr(rules?.interestPointsAboveBaseRate, d.interestPointsAboveBaseRate),
  };
}

/** The rules version a decision applies, and what it sets for grants. */
export interface ResolvedRules {
  applied: { version: number; effectiveFrom: string | null };
  settings: GrantSettings;
}
