import {
  ExpenditureTotalMismatch,
  FinancingFormNotApplicable,
  FinancingShareExceeded,
  FinancingSourceTwice,
  FinancingSourceUnknown,
  InvalidReportFigures,
} from './errors';
import {
  centsOf,
  type Expenditure,
  type ExpenditureV1,
  type ReportContentInput,
  SOURCES,
  sourcesOfV1,
  totalOf,
} from './esf-report';

/**
 * A source of the grant as its reports state it: the notice's sources, in the notice's order,
 * named as the terms the notice applied name them. `capped`: a source of the grant itself (the
 * terms' `grant` kind), whose share and amount the notice caps; own funds and third parties may
 * exceed the plan.
 */
export interface ReportSource {
  sourceId: string;
  name: string;
  capped: boolean;
}

const isCount = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const V1_KEYS = ['esfCents', 'landCents', 'ownCents'] as const;

/** Whether the grant's sources are exactly the first programme's (ESF, Land, own funds): the v1 form applies. */
export const takesV1Expenditure = (sourceIds: readonly string[]) =>
  sourceIds.length === SOURCES.length && SOURCES.every((id) => sourceIds.includes(id));

/**
 * The expenditure a request states, as the report records it: one entry per source of the notice
 * (`sourceIds`, in that order), a source not named with 0 cents. Whole, non-negative cents; a
 * source the notice does not name, or one named twice, is refused; the deprecated v1 object
 * `{ esfCents, landCents, ownCents }` only for a grant whose sources are ESF, Land and own funds,
 * and a total it declares must equal the sum. Undefined when the request states no expenditure.
 * (Indicators: indicator-rules.ts.)
 */
export function expenditureOf(
  content: ReportContentInput,
  sourceIds: readonly string[],
): Expenditure | undefined {
  const { expenditure } = content;
  if (expenditure === undefined) return undefined;
  const bad: string[] = [];
  let stated: Expenditure;
  let declaredTotal: number | undefined;
  if (Array.isArray(expenditure)) {
    expenditure.forEach((entry, i) => {
      if (typeof entry?.sourceId !== 'string') bad.push(`expenditure.${i}.sourceId`);
      if (!isCount(entry?.cents)) bad.push(`expenditure.${i}.cents`);
    });
    if (bad.length > 0) throw new InvalidReportFigures(bad);
    stated = expenditure.map(({ sourceId, cents }) => ({ sourceId, cents }));
  } else {
    const v1 = expenditure as ExpenditureV1 & { totalCents?: number };
    for (const key of V1_KEYS) if (!isCount(v1[key])) bad.push(`expenditure.${key}`);
    if (v1.totalCents !== undefined && !isCount(v1.totalCents)) bad.push('expenditure.totalCents');
    if (bad.length > 0) throw new InvalidReportFigures(bad);
    if (!takesV1Expenditure(sourceIds)) throw new FinancingFormNotApplicable([...sourceIds]);
    stated = sourcesOfV1(v1);
    declaredTotal = v1.totalCents;
  }
  const seen = new Set<string>();
  for (const { sourceId } of stated) {
    if (!sourceIds.includes(sourceId)) throw new FinancingSourceUnknown(sourceId, [...sourceIds]);
    if (seen.has(sourceId)) throw new FinancingSourceTwice(sourceId);
    seen.add(sourceId);
  }
  if (declaredTotal !== undefined && declaredTotal !== totalOf(stated))
    throw new ExpenditureTotalMismatch(declaredTotal, totalOf(stated));
  return sourceIds.map((sourceId) => ({ sourceId, cents: centsOf(stated, sourceId) }));
}

/**
 * The report's share of each capped source stays within the notice's share, both reckoned on the
 * total of all sources (for the notice: its eligible total expenditure). Compared crosswise in
 * integers (report/reportTotal ≤ notice/noticeTotal), so no rounding decides a case.
 */
export function assertSharesWithinNotice(
  report: Expenditure,
  notice: Expenditure,
  sources: readonly ReportSource[],
): void {
  const reportTotal = BigInt(totalOf(report));
  const noticeTotal = BigInt(totalOf(notice));
  for (const source of sources.filter((s) => s.capped)) {
    const r = BigInt(centsOf(report, source.sourceId));
    const n = BigInt(centsOf(notice, source.sourceId));
    if (r * noticeTotal > n * reportTotal)
      throw new FinancingShareExceeded(
        source.sourceId,
        centsOf(report, source.sourceId),
        totalOf(report),
        centsOf(notice, source.sourceId),
        totalOf(notice),
        nameInRefusal(source, sources),
      );
  }
}

/** The terms' name of a source for a refusal; none for the first programme, whose refusals keep their wording. */
export const nameInRefusal = (source: ReportSource, sources: readonly ReportSource[]) =>
  takesV1Expenditure(sources.map((s) => s.sourceId)) ? undefined : source.name;

export const NO_EXPENDITURE: Expenditure = [];

/** Sums per source, in the order of the first list, then any further source. */
export function addExpenditure(
  a: readonly Expenditure[number][],
  b: readonly Expenditure[number][],
): Expenditure {
  const sums = new Map<string, number>();
  for (const { sourceId, cents } of [...a, ...b]) sums.set(sourceId, (sums.get(sourceId) ?? 0) + cents);
  return [...sums].map(([sourceId, cents]) => ({ sourceId, cents }));
}

/** Cents as a EUR amount with two places and a decimal point: 123456 → "1234.56". */
export function eur(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
