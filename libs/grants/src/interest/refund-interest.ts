import { daysBetween, laterDate } from '../calendar';
import { BaseRateUnknown } from '../errors';
import { type BaseRateTable, firstDayWithoutRate, rateStretches } from './base-rate-table';

/**
 * Interest on refunds after a revocation, § 49a Abs. 3 VwVfG: a number of points above the base
 * rate of § 247 BGB per year, from the day the notice ceased to be effective (never before the
 * money was paid out) until the refund is due. Choices, recorded in every result so an auditor
 * can recompute it:
 * - days: interest accrues for each day from `from` (counted) to `to` (not counted) at that day's
 *   rate; this counts as many days as § 187 Abs. 1 BGB (first day not counted, last day counted);
 * - day count actual/365: days / 365, also in leap years (as the Bundesbank's Verzugszins examples);
 * - one segment per base-rate half-year; each segment is rounded to whole cents, half up, and the
 *   total is the sum of the rounded segments;
 * - a segment whose rate (base + points) is not positive carries no interest: a refund never
 *   earns the debtor money.
 */
export interface InterestSegment {
  from: string;
  to: string;
  days: number;
  baseRatePercent: number;
  ratePercent: number;
  interestCents: number;
}

/** One paid-out amount the refund takes back, with the interest on it. */
export interface InterestPortion {
  disbursementId: string;
  paidOn: string;
  principalCents: number;
  from: string;
  to: string;
  interestCents: number;
  segments: InterestSegment[];
}

export interface RefundInterest {
  pointsAboveBaseRate: number;
  dayCount: 'actual/365';
  rounding: 'half-up-per-segment';
  baseRateSource: string;
  until: string;
  totalCents: number;
  portions: InterestPortion[];
}

export interface RefundPortion {
  disbursementId: string;
  paidOn: string;
  principalCents: number;
}

/** principal × rate × days / 365 with the rate in basis points, rounded half up to a cent, exactly. */
export function segmentInterestCents(principalCents: number, basisPoints: number, days: number): number {
  if (basisPoints <= 0 || days <= 0 || principalCents <= 0) return 0;
  const numerator = BigInt(principalCents) * BigInt(basisPoints) * BigInt(days);
  const denominator = 10_000n * 365n;
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** Interest on one principal over [from, to), split at every base-rate change. */
export function interestOn(
  principalCents: number,
  from: string,
  to: string,
  pointsAboveBaseRate: number,
  table: BaseRateTable,
): { segments: InterestSegment[]; interestCents: number } {
  const stretches = rateStretches(table, from, to);
  if (!stretches) throw new BaseRateUnknown(firstDayWithoutRate(table, from, to), table.source);
  const pointsBp = Math.round(pointsAboveBaseRate * 100);
  const segments = stretches.map((s) => {
    const days = daysBetween(s.from, s.to);
    return {
      from: s.from,
      to: s.to,
      days,
      baseRatePercent: s.basisPoints / 100,
      ratePercent: (s.basisPoints + pointsBp) / 100,
      interestCents: segmentInterestCents(principalCents, s.basisPoints + pointsBp, days),
    };
  });
  return { segments, interestCents: segments.reduce((sum, s) => sum + s.interestCents, 0) };
}

/**
 * The interest on a refund made of several paid-out amounts: each runs from the later of its
 * payment day and the revocation's effective date until `until`.
 */
export function refundInterest(input: {
  portions: RefundPortion[];
  effectiveDate: string;
  until: string;
  pointsAboveBaseRate: number;
  table: BaseRateTable;
}): RefundInterest {
  const { effectiveDate, until, pointsAboveBaseRate, table } = input;
  const portions = input.portions.map((p) => {
    const from = laterDate(p.paidOn, effectiveDate);
    const { segments, interestCents } = interestOn(p.principalCents, from, until, pointsAboveBaseRate, table);
    return { ...p, from, to: until, interestCents, segments };
  });
  return {
    pointsAboveBaseRate,
    dayCount: 'actual/365',
    rounding: 'half-up-per-segment',
    baseRateSource: table.source,
    until,
    totalCents: portions.reduce((sum, p) => sum + p.interestCents, 0),
    portions,
  };
}

/** One paid-back amount of a refund, with the day the refund it belongs to was due. */
export interface PaidBackPortion extends RefundPortion {
  refundDueDate: string;
}

/**
 * § 49a Abs. 3 VwVfG charges interest until the refund is paid, not until it is due: a refund
 * paid back after its due date carries interest on each paid-back amount from the due date (the
 * revocation's interest ran up to it, not counting it) to the day it was paid (not counted), so
 * the two together cover every day from the effective date to the payment exactly once.
 * Undefined when nothing was paid late.
 */
export function lateRefundInterest(input: {
  portions: PaidBackPortion[];
  paidOn: string;
  pointsAboveBaseRate: number;
  table: BaseRateTable;
}): RefundInterest | undefined {
  const { paidOn, pointsAboveBaseRate, table } = input;
  const late = input.portions.filter((p) => p.refundDueDate < paidOn);
  if (late.length === 0) return undefined;
  const portions = late.map(({ refundDueDate, ...p }) => {
    const { segments, interestCents } = interestOn(
      p.principalCents,
      refundDueDate,
      paidOn,
      pointsAboveBaseRate,
      table,
    );
    return { ...p, from: refundDueDate, to: paidOn, interestCents, segments };
  });
  return {
    pointsAboveBaseRate,
    dayCount: 'actual/365',
    rounding: 'half-up-per-segment',
    baseRateSource: table.source,
    until: paidOn,
    totalCents: portions.reduce((sum, p) => sum + p.interestCents, 0),
    portions,
  };
}
