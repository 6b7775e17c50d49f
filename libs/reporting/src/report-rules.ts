import { ExpenditureTotalMismatch, FinancingShareExceeded, InvalidReportFigures } from './errors';
import { centsOf, type Expenditure, type ReportContentInput, type Source, totalOf } from './esf-report';

/**
 * The public sources (together the grant) whose share and amount the notice caps;
 * own funds may exceed the plan.
 */
const CAPPED: Source[] = ['esf', 'land'];

const isCount = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Whole, non-negative cents, and a stated total that equals the sum of the sources (indicators: indicator-rules.ts). */
export function assertFiguresValid(content: ReportContentInput): void {
  const bad: string[] = [];
  const { expenditure } = content;
  if (expenditure) {
    for (const key of ['esfCents', 'landCents', 'ownCents'] as const)
      if (!isCount(expenditure[key])) bad.push(`expenditure.${key}`);
    if (expenditure.totalCents !== undefined && !isCount(expenditure.totalCents))
      bad.push('expenditure.totalCents');
  }
  if (bad.length > 0) throw new InvalidReportFigures(bad);
  if (expenditure?.totalCents !== undefined && expenditure.totalCents !== totalOf(expenditure))
    throw new ExpenditureTotalMismatch(expenditure.totalCents, totalOf(expenditure));
}

/**
 * The report's ESF and Land shares stay within the notice's shares, both reckoned on the total
 * including own funds (for the notice: its eligible total expenditure). Compared crosswise in
 * integers (report/reportTotal ≤ notice/noticeTotal), so no rounding decides a case.
 */
export function assertSharesWithinNotice(report: Expenditure, notice: Expenditure): void {
  const reportTotal = BigInt(totalOf(report));
  const noticeTotal = BigInt(totalOf(notice));
  for (const source of CAPPED) {
    const r = BigInt(centsOf(report, source));
    const n = BigInt(centsOf(notice, source));
    if (r * noticeTotal > n * reportTotal)
      throw new FinancingShareExceeded(
        source,
        centsOf(report, source),
        totalOf(report),
        centsOf(notice, source),
        totalOf(notice),
      );
  }
}

/** A stated total is a check of the sum, not a fact of its own. */
export function withoutTotal({ esfCents, landCents, ownCents }: Expenditure): Expenditure {
  return { esfCents, landCents, ownCents };
}

export const NO_EXPENDITURE: Expenditure = { esfCents: 0, landCents: 0, ownCents: 0 };

export function addExpenditure(a: Expenditure, b: Expenditure): Expenditure {
  return {
    esfCents: a.esfCents + b.esfCents,
    landCents: a.landCents + b.landCents,
    ownCents: a.ownCents + b.ownCents,
  };
}

/** Cents as a EUR amount with two places and a decimal point: 123456 → "1234.56". */
export function eur(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
