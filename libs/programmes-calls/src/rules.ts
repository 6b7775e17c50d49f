/**
 * The programme's rules as pure data and functions: `@app/programmes-calls/rules`. Deciders and
 * the pure helpers they use import this entry point, never the context's barrel, which also
 * carries the Nest module and the loaders that read the store.
 */
import { zoneOffsetMs } from '@app/shared/time/berlin-time';
import type { CallTerms, CouncilResolutionRule, FundingTier } from './call';

export type {
  AssessmentCriterion,
  CallConditions,
  CallTerms,
  CouncilResolutionRule,
  FundingTier,
} from './call';

/** Maximum ESF and Land shares and the minimum own share of a grant, in percent. */
export interface FinancingShares {
  esfMaxPercent: number;
  landMaxPercent: number;
  ownMinPercent: number;
}

/**
 * How often a grant reports and when each report is due. The due date is set in months (the last
 * day of the nth month after the month the period ends in); versions adopted with a number of
 * days after the period's end keep it, and a version names one of the two, never both.
 */
export interface ReportSchedule {
  frequency: 'annual' | 'semiannual';
  dueMonthsAfterPeriodEnd?: number;
  dueAfterPeriodEndDays?: number;
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
  // Zwischennachweis by 30 April for the year before: the last day of the 4th month after December.
  reportSchedule: { frequency: 'annual', dueMonthsAfterPeriodEnd: 4 },
  interestPointsAboveBaseRate: 5,
};

export interface RulesInForce {
  rules: EffectiveRules;
  applied: AppliedRules;
}

type CallRuleTerms = Pick<CallTerms, 'conditions' | 'fundingTiers'>;

/**
 * The version in force at an instant (or on a date): the latest one whose effective date is on
 * or before that day in Berlin; of two effective the same day, the higher version.
 */
export function versionInForce(
  versions: readonly ProgrammeRulesVersion[],
  at: string,
): ProgrammeRulesVersion | undefined {
  const day = berlinDate(at);
  return versions
    .filter((v) => v.effectiveFrom <= day)
    .reduce<ProgrammeRulesVersion | undefined>(
      (latest, v) => (!latest || v.version > latest.version ? v : latest),
      undefined,
    );
}

/**
 * The rules in force at an instant (or on a date): the call's terms overlaid by the version in
 * force. Versions are not cumulative: each one is complete in itself, so a decision can name
 * the one version it applied.
 */
export function rulesInForce(
  versions: readonly ProgrammeRulesVersion[],
  callTerms: CallRuleTerms,
  at: string,
): RulesInForce {
  return overlay(callTerms, versionInForce(versions, at));
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

/**
 * The day a period's report is due. In months: the last day of the nth month after the month
 * the period ends in, whatever day of it the period ends (31 Dec → 30 April; 30 June → 31 Oct),
 * so a leap year moves nothing. In days (older versions): that many days after the period's end.
 */
export function reportDueDate(
  periodEnd: string,
  schedule: Pick<ReportSchedule, 'dueMonthsAfterPeriodEnd' | 'dueAfterPeriodEndDays'>,
): string {
  const [y, m, d] = periodEnd.split('-').map(Number);
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (schedule.dueMonthsAfterPeriodEnd === undefined && schedule.dueAfterPeriodEndDays !== undefined)
    return date(Date.UTC(y, m - 1, d + schedule.dueAfterPeriodEndDays));
  const months = schedule.dueMonthsAfterPeriodEnd ?? 0;
  // Day 0 of the month after the target month is the target month's last day.
  return date(Date.UTC(y, m - 1 + months + 1, 0));
}

/** The amount a municipality of this population receives under the tiers, if any tier fits. */
export function amountForPopulation(tiers: FundingTier[], population: number): number | undefined {
  return tiers.find(
    (t) => population >= t.minPopulation && (t.maxPopulation === undefined || population <= t.maxPopulation),
  )?.amountEur;
}

/** The calendar day in Berlin of an instant; a plain `YYYY-MM-DD` is taken as that day. */
export function berlinDate(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const instant = Date.parse(at);
  if (!Number.isFinite(instant)) throw new RangeError(`not an instant: ${at}`);
  return new Date(instant + zoneOffsetMs(instant)).toISOString().slice(0, 10);
}
