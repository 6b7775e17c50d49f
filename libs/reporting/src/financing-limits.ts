import { GrantRevoked, FinancingSourceExhausted } from './errors';
import type { EsfLedgerState } from './esf-ledger';
import { centsOf, type Expenditure, type OpenedReport } from './esf-report';
import type { IssuedGrant } from './grant-facts';
import { addExpenditure, nameInRefusal, NO_EXPENDITURE, type ReportSource } from './report-rules';

/** The financing facts of a grant that a money check of a report needs. */
export interface GrantFinancing {
  grantId: string;
  /** Revoked in full: nothing more is submitted or accepted. */
  revoked: boolean;
  /** The notice's sources, in its order: what a report states, named, the capped ones marked. */
  sources: ReportSource[];
  /** The notice's financing plan: its shares cap a report's shares of the capped sources. */
  notice: Expenditure;
  /** Caps the cumulative amounts of the grant's reports, one entry per capped source. */
  ceilings: Expenditure;
}

/** A source as the terms the notice applied name it (`ProgrammeTerms.sources`). */
export interface TermsSource {
  sourceId: string;
  name: string;
  kind: string;
}

/**
 * The notice's sources as reports state them. The terms name them and say which are the grant's
 * (`grant` kind: capped); a source the terms cannot be read for is capped unless it is `own`.
 */
export function reportSources(
  notice: Expenditure,
  terms: readonly TermsSource[] | undefined,
): ReportSource[] {
  return notice.map(({ sourceId }) => {
    const source = terms?.find((t) => t.sourceId === sourceId);
    return {
      sourceId,
      name: source?.name ?? sourceId,
      capped: source ? source.kind === 'grant' : sourceId !== 'own',
    };
  });
}

/**
 * A partial revocation (Teilwiderruf) lowers the grant to the entitlement left. The notice
 * finances by shares (Anteilfinanzierung), and a grant financed by shares is reduced for every
 * funder in proportion (as ANBest-P Nr. 2.1 reduces it), so every capped source's ceiling is
 * scaled by entitlement / grant (the notice's amountCents, not the previous ceiling), each
 * rounded down to the cent in favour of the funders: as the capped sources together are the
 * grant, they fall at most a cent per source short of the entitlement, never above it. Integer
 * arithmetic, so no float decides a cent.
 */
export function ceilingsInForce(grant: IssuedGrant, sources: readonly ReportSource[]): Expenditure {
  const capped = sources.filter((s) => s.capped).map((s) => s.sourceId);
  const ceilings = grant.financing.filter((f) => capped.includes(f.sourceId));
  if (grant.status === 'revoked') return ceilings.map(({ sourceId }) => ({ sourceId, cents: 0 }));
  const { amountCents, entitlementCents } = grant;
  if (amountCents <= 0 || entitlementCents >= amountCents) return ceilings.map((c) => ({ ...c }));
  const left = BigInt(Math.max(0, entitlementCents));
  const scale = (cents: number) => Number((BigInt(cents) * left) / BigInt(amountCents));
  return ceilings.map(({ sourceId, cents }) => ({ sourceId, cents: scale(cents) }));
}

/** The grant's financing facts, its sources named and kinded by the terms its notice applied. */
export function financingOf(grant: IssuedGrant, terms?: readonly TermsSource[]): GrantFinancing {
  const sources = reportSources(grant.financing, terms);
  return {
    grantId: grant.grantId,
    revoked: grant.status === 'revoked',
    sources,
    notice: grant.financing,
    ceilings: ceilingsInForce(grant, sources),
  };
}

export function assertNotRevoked(financing: GrantFinancing): void {
  if (financing.revoked) throw new GrantRevoked(financing.grantId);
}

/**
 * What the grant's reports other than `reportId` count against the ceilings: an accepted report
 * its accepted figures; a report still awaiting review whose submission is booked in the ledger,
 * the booked figures (its acceptance was decided and may be completing right now). A booking
 * whose report was returned or resubmitted since counts no more: that acceptance can never
 * complete. Reports accepted before the ledger existed count by their own stream.
 */
export function countedElsewhere(
  reportId: string,
  reports: readonly OpenedReport[],
  ledger: EsfLedgerState,
): Expenditure {
  const byId = new Map(reports.map((r) => [r.period.reportId, r]));
  let counted = NO_EXPENDITURE;
  for (const report of reports) {
    if (report.period.reportId !== reportId && report.status === 'accepted' && report.submitted)
      counted = addExpenditure(counted, report.submitted.expenditure);
  }
  for (const booking of Object.values(ledger.bookings)) {
    if (booking.reportId === reportId) continue;
    const report = byId.get(booking.reportId);
    // A booking of a report not read is counted: better refuse wrongly than accept beyond the notice.
    const pending = !report || (report.status === 'submitted' && report.submission === booking.submission);
    if (pending) counted = addExpenditure(counted, booking.expenditure);
  }
  return counted;
}

/** What the grant's other reports count plus this report stays within each capped source's ceiling. */
export function assertWithinCeilings(
  report: Expenditure,
  financing: GrantFinancing,
  counted: Expenditure,
): void {
  for (const { sourceId, cents: ceiling } of financing.ceilings) {
    const before = centsOf(counted, sourceId);
    if (before + centsOf(report, sourceId) > ceiling) {
      const source = financing.sources.find((s) => s.sourceId === sourceId);
      throw new FinancingSourceExhausted(
        sourceId,
        centsOf(financing.notice, sourceId),
        ceiling,
        before,
        centsOf(report, sourceId),
        source && nameInRefusal(source, financing.sources),
      );
    }
  }
}

/** What counted sums for the capped sources: the ledger's record of a booking. */
export const cappedPart = (counted: Expenditure, financing: GrantFinancing): Expenditure =>
  financing.ceilings.map(({ sourceId }) => ({ sourceId, cents: centsOf(counted, sourceId) }));
