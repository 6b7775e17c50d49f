import { GrantRevoked, FinancingSourceExhausted } from './errors';
import type { Ceilings, EsfLedgerState } from './esf-ledger';
import { centsOf, type Expenditure, type OpenedReport } from './esf-report';
import type { IssuedGrant } from './grant-facts';
import { addExpenditure, NO_EXPENDITURE } from './report-rules';

/** The financing facts of a grant that a money check of a report needs. */
export interface GrantFinancing {
  grantId: string;
  /** Revoked in full: nothing more is submitted or accepted. */
  revoked: boolean;
  /** The notice's financing plan: its shares cap a report's shares. */
  notice: Expenditure;
  /** Caps the cumulative ESF and Land amounts of the grant's reports. */
  ceilings: Ceilings;
}

/**
 * A partial revocation (Teilwiderruf) lowers the grant to the entitlement left. The notice
 * finances by shares (Anteilfinanzierung), and a grant financed by shares is reduced for every
 * funder in proportion (as ANBest-P Nr. 2.1 reduces it), so both ceilings are scaled by
 * entitlement / grant (the notice's amountCents, not the previous ceiling), each rounded down
 * to the cent in favour of the funders: as ESF + Land = the grant, together they fall at most a
 * cent short of the entitlement, never above it. Integer arithmetic, so no float decides a cent.
 */
export function ceilingsInForce(grant: IssuedGrant): Ceilings {
  const { esfCents, landCents } = grant.financing;
  if (grant.status === 'revoked') return { esfCents: 0, landCents: 0 };
  const { amountCents, entitlementCents } = grant;
  if (amountCents <= 0 || entitlementCents >= amountCents) return { esfCents, landCents };
  const left = BigInt(Math.max(0, entitlementCents));
  const scale = (cents: number) => Number((BigInt(cents) * left) / BigInt(amountCents));
  return { esfCents: scale(esfCents), landCents: scale(landCents) };
}

export function financingOf(grant: IssuedGrant): GrantFinancing {
  return {
    grantId: grant.grantId,
    revoked: grant.status === 'revoked',
    notice: grant.financing,
    ceilings: ceilingsInForce(grant),
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

/** What the grant's other reports count plus this report stays within the ceilings in force. */
export function assertWithinCeilings(
  report: Expenditure,
  financing: GrantFinancing,
  counted: Expenditure,
): void {
  for (const source of ['esf', 'land'] as const) {
    const ceiling = financing.ceilings[`${source}Cents`];
    const before = centsOf(counted, source);
    if (before + centsOf(report, source) > ceiling)
      throw new FinancingSourceExhausted(
        source,
        centsOf(financing.notice, source),
        ceiling,
        before,
        centsOf(report, source),
      );
  }
}
