/**
 * The programme's rules as pure data and functions: `@app/programmes-calls/rules`. Deciders and
 * the pure helpers they use import this entry point, never the context's barrel, which also
 * carries the Nest module and the loaders that read the store.
 */
import { zoneOffsetMs } from '@app/shared/time/berlin-time';
import type { CallTerms, CouncilResolutionRule, FundingTier } from './call';
import { TermsNotInForce } from './errors';
import { TERMS_BUILT_IN_BEFORE_V2 } from './legacy/terms-built-in-before-v2';

export type {
  AssessmentCriterion,
  CallConditions,
  CallTerms,
  CouncilResolutionRule,
  FundingTier,
} from './call';

/**
 * One source a programme's grants are financed from. `grant` sources are paid out by the grants
 * office (together they are the Zuwendung); `own` and `third-party` are the grantee's part. Shares
 * are of the eligible total (zuwendungsfähige Gesamtausgaben).
 */
export interface FundingSource {
  sourceId: string;
  name: string;
  kind: 'grant' | 'own' | 'third-party';
  maxPercent?: number;
  minPercent?: number;
}

export const FUNDING_SOURCE_KINDS: readonly FundingSource['kind'][] = ['grant', 'own', 'third-party'];

/** When a report is due: the last day of the nth month after the month its period ends in, or n days after. */
export type ReportDue = { monthsAfterPeriodEnd: number } | { daysAfterPeriodEnd: number };

export type ReportFrequency = 'annual' | 'semiannual' | 'quarterly';
export const REPORT_FREQUENCIES: readonly ReportFrequency[] = ['annual', 'semiannual', 'quarterly'];

/** How often a grant reports, counted by the calendar or from the grant's first day, and when each report is due. */
export interface ReportSchedule {
  frequency: ReportFrequency;
  anchor: 'calendar' | 'grant-period';
  due: ReportDue;
}

/** One indicator a report states. */
export interface IndicatorDefinition {
  indicatorId: string;
  name: string;
  unit: string;
  type: 'integer' | 'decimal';
  required: boolean;
  /** The catalogue it is taken from, e.g. `esf-common-indicators`. */
  catalogue?: string;
}

export interface ReportingTerms {
  schedule: ReportSchedule;
  indicators: IndicatorDefinition[];
}

/** A phase the programme funds in: named, with a length or fixed dates. */
export interface PhaseDefinition {
  phaseId: string;
  name: string;
  durationMonths?: number;
  from?: string;
  to?: string;
}

/**
 * One version of a programme's terms (docs/design/programme-terms.md), complete in itself: every
 * decision under it reads all it needs from here, nothing from built-in values.
 */
export interface ProgrammeTerms {
  /** At least one of kind `grant`. */
  sources: FundingSource[];
  councilResolution: CouncilResolutionRule;
  /** Days after the selection decision within which a promised resolution must be delivered. */
  resolutionFollowUpDays: number;
  coordinatorRequired: boolean;
  /** Funds may be called only for payments due within this many months (VV/ANBest-G). */
  disbursementWindowMonths: number;
  /** The Verwendungsnachweis is due this many months after the funding period. */
  proofOfUseMonths: number;
  /** Interest on refunds after revocation, points above the base rate (§ 49a (3) VwVfG). */
  interestPointsAboveBaseRate: number;
  reporting: ReportingTerms;
  /** [] = the programme has no phases. */
  phases: PhaseDefinition[];
  /** Usually the call's; a version may set them programme-wide. */
  fundingTiers?: FundingTier[];
}

/**
 * A version as the store holds it, read in today's shape: versions adopted before v2 may have
 * left the council-resolution rule and the coordinator to each call (the upcaster cannot know
 * the call), so there the call's conditions still apply. Versions adopted today name both.
 */
export type StoredProgrammeTerms = Omit<ProgrammeTerms, 'councilResolution' | 'coordinatorRequired'> &
  Partial<Pick<ProgrammeTerms, 'councilResolution' | 'coordinatorRequired'>>;

/** `ProgrammeRulesAdopted.data` (v2): a version applies to submissions from its effective date on. */
export interface ProgrammeRulesVersion {
  programmeId: string;
  version: number;
  effectiveFrom: string;
  label?: string;
  rules: StoredProgrammeTerms;
}

/** Which terms a decision was made under; version 0 (history only): the call's own terms. */
export interface AppliedRules {
  version: number;
  effectiveFrom: string | null;
}

/** Read only in history: submissions recorded before versioned terms existed. */
export const CALL_TERMS_ONLY: AppliedRules = { version: 0, effectiveFrom: null };

/** Every term with a value, the tiers from the call where the version sets none: what a decision applies. */
export type EffectiveRules = ProgrammeTerms & { fundingTiers: FundingTier[] };

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
 * The terms in force for a programme on a date (or at an instant, by its Berlin date): the
 * version and what it says, undefined when none is in force yet. What other contexts ask before
 * they decide (publishing a call, deciding a submission, issuing a notice).
 */
export function termsInForce(
  versions: readonly ProgrammeRulesVersion[],
  at: string,
): { terms: StoredProgrammeTerms; applied: AppliedRules } | undefined {
  const version = versionInForce(versions, at);
  return (
    version && {
      terms: version.rules,
      applied: { version: version.version, effectiveFrom: version.effectiveFrom },
    }
  );
}

/**
 * The rules in force for a call's submissions at an instant (or on a date): the version in force,
 * with the call's tiers where the version sets none. Versions are not cumulative: each one is
 * complete in itself, so a decision can name the one version it applied. With no version in
 * force nothing is decided: `terms-not-in-force`, never built-in values.
 */
export function rulesInForce(
  versions: readonly ProgrammeRulesVersion[],
  callTerms: CallRuleTerms & { programmeId?: string },
  at: string,
): RulesInForce {
  const version = versionInForce(versions, at);
  if (!version)
    throw new TermsNotInForce({
      programmeId: callTerms.programmeId ?? versions[0]?.programmeId ?? '',
      date: berlinDate(at),
    });
  return overlay(callTerms, version.rules, {
    version: version.version,
    effectiveFrom: version.effectiveFrom,
  });
}

/**
 * The rules a decision recorded as applied, rebuilt from the version it names: later decisions
 * on the same submission (formal check, selection) use exactly what the submission was under.
 * Version 0 (history only) reads as the call's terms with the terms built in before v2.
 * Undefined when the programme knows no such version.
 */
export function rulesOfVersion(
  versions: readonly ProgrammeRulesVersion[],
  callTerms: CallRuleTerms,
  applied: AppliedRules,
): RulesInForce | undefined {
  if (applied.version === 0) return overlay(callTerms, TERMS_BUILT_IN_BEFORE_V2, CALL_TERMS_ONLY);
  const version = versions.find((v) => v.version === applied.version);
  return (
    version &&
    overlay(callTerms, version.rules, { version: version.version, effectiveFrom: version.effectiveFrom })
  );
}

function overlay(callTerms: CallRuleTerms, terms: StoredProgrammeTerms, applied: AppliedRules): RulesInForce {
  const rules: EffectiveRules = {
    ...terms,
    councilResolution: terms.councilResolution ?? callTerms.conditions.councilResolution,
    coordinatorRequired: terms.coordinatorRequired ?? callTerms.conditions.coordinatorRequired,
    fundingTiers: terms.fundingTiers ?? callTerms.fundingTiers,
  };
  return { rules, applied: { ...applied } };
}

/**
 * The day a period's report is due. In months: the last day of the nth month after the month
 * the period ends in, whatever day of it the period ends (31 Dec → 30 April; 30 June → 31 Oct),
 * so a leap year moves nothing. In days: that many days after the period's end.
 */
export function reportDueDate(periodEnd: string, due: ReportDue): string {
  const [y, m, d] = periodEnd.split('-').map(Number);
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if ('daysAfterPeriodEnd' in due) return date(Date.UTC(y, m - 1, d + due.daysAfterPeriodEnd));
  // Day 0 of the month after the target month is the target month's last day.
  return date(Date.UTC(y, m - 1 + due.monthsAfterPeriodEnd + 1, 0));
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
