import { zoneOffsetMs } from '@app/shared';
import type { CallTerms, CouncilResolutionRule, FundingTier } from './call';

/** Maximum ESF and Land shares and the minimum own share of a grant, in percent. */
export interface FinancingShares {
  esfMaxPercent: number;
  landMaxPercent: number;
  ownMinPercent: number;
}

export interface ReportSchedule {
  frequency: 'annual' | 'semiannual';
  dueAfterPeriodEndDays: number;
}

/**
 * One version of a programme's rules. Every field is optional: what a version leaves out comes
 * from the call's own terms (resolution, coordinator, tiers) or from the built-in defaults.
 */
export interface ProgrammeRules {
  councilResolution?: CouncilResolutionRule;
  /** Days after the selection decision within which a promised resolution must be delivered. */
  resolutionFollowUpDays?: number;
  coordinatorRequired?: boolean;
  fundingTiers?: FundingTier[];
  financing?: FinancingShares;
  /** Funds may be called only for payments due within this many months (VV/ANBest-G). */
  disbursementWindowMonths?: number;
  /** The Verwendungsnachweis is due this many months after the funding period. */
  proofOfUseMonths?: number;
  reportSchedule?: ReportSchedule;
  /** Interest on refunds after revocation, points above the base rate (§ 49a VwVfG). */
  interestPointsAboveBaseRate?: number;
}

/** `ProgrammeRulesAdopted.data`: a version applies to submissions from its effective date on. */
export interface ProgrammeRulesVersion {
  programmeId: string;
  version: number;
  effectiveFrom: string;
  label?: string;
  rules: ProgrammeRules;
}

/** Which rules a decision was made under; version 0 means the call's own terms only. */
export interface AppliedRules {
  version: number;
  effectiveFrom: string | null;
}

export const CALL_TERMS_ONLY: AppliedRules = { version: 0, effectiveFrom: null };

/** Every rule with a value: what a decision actually applies. */
export type EffectiveRules = Required<ProgrammeRules>;

/** What applies where neither the version nor the call says otherwise (German grants practice). */
export const DEFAULT_RULES: Omit<
  EffectiveRules,
  'councilResolution' | 'coordinatorRequired' | 'fundingTiers'
> = {
  resolutionFollowUpDays: 90,
  financing: { esfMaxPercent: 50, landMaxPercent: 25, ownMinPercent: 25 },
  disbursementWindowMonths: 2,
  proofOfUseMonths: 6,
  // Interim proof of use (Zwischennachweis) by 30 April for the year before: 31 Dec + 120 days.
  reportSchedule: { frequency: 'annual', dueAfterPeriodEndDays: 120 },
  interestPointsAboveBaseRate: 5,
};

export interface RulesInForce {
  rules: EffectiveRules;
  applied: AppliedRules;
}

type CallRuleTerms = Pick<CallTerms, 'conditions' | 'fundingTiers'>;

/**
 * The rules in force at an instant (or on a date): the call's terms overlaid by the latest
 * version whose effective date is on or before that day in Berlin. Versions are not cumulative:
 * each one is complete in itself, so a decision can name the one version it applied.
 */
export function rulesInForce(
  versions: readonly ProgrammeRulesVersion[],
  callTerms: CallRuleTerms,
  at: string,
): RulesInForce {
  const day = berlinDate(at);
  const inForce = versions
    .filter((v) => v.effectiveFrom <= day)
    .reduce<ProgrammeRulesVersion | undefined>(
      (latest, v) => (!latest || v.version > latest.version ? v : latest),
      undefined,
    );
  return overlay(callTerms, inForce);
}

/**
 * The rules a decision recorded as applied, rebuilt from the version it names: later decisions
 * on the same submission (formal check, selection) use exactly what the submission was under.
 * Undefined when the programme knows no such version.
 */
export function rulesOfVersion(
  versions: readonly ProgrammeRulesVersion[],
  callTerms: CallRuleTerms,
  applied: AppliedRules,
): RulesInForce | undefined {
  if (applied.version === 0) return overlay(callTerms, undefined);
  const version = versions.find((v) => v.version === applied.version);
  return version && overlay(callTerms, version);
}

function overlay(callTerms: CallRuleTerms, version: ProgrammeRulesVersion | undefined): RulesInForce {
  const own = version?.rules ?? {};
  const rules: EffectiveRules = {
    ...DEFAULT_RULES,
    councilResolution: callTerms.conditions.councilResolution,
    coordinatorRequired: callTerms.conditions.coordinatorRequired,
    fundingTiers: callTerms.fundingTiers,
    ...definedOnly(own),
  };
  const applied = version
    ? { version: version.version, effectiveFrom: version.effectiveFrom }
    : CALL_TERMS_ONLY;
  return { rules, applied: { ...applied } };
}

function definedOnly(rules: ProgrammeRules): ProgrammeRules {
  return Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== undefined)) as ProgrammeRules;
}

/** The calendar day in Berlin of an instant; a plain `YYYY-MM-DD` is taken as that day. */
export function berlinDate(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const instant = Date.parse(at);
  if (!Number.isFinite(instant)) throw new RangeError(`not an instant: ${at}`);
  return new Date(instant + zoneOffsetMs(instant)).toISOString().slice(0, 10);
}
