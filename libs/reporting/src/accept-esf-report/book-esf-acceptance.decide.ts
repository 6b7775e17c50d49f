import type { Decider } from '@app/eventsourcing';
import {
  type EsfLedgerEvent,
  type EsfLedgerState,
  evolveEsfLedger,
  initialEsfLedgerState,
} from '../esf-ledger';
import type { OpenedReport } from '../esf-report';
import {
  assertNotRevoked,
  assertWithinCeilings,
  cappedPart,
  countedElsewhere,
  type GrantFinancing,
} from '../financing-limits';
import { assertAwaitingReview } from '../report-status';

export interface BookEsfAcceptance {
  /** The report to accept, as its stream stood when the acceptance was decided. */
  report: OpenedReport;
  /** The grant's other reports, read after the ledger. */
  otherReports: OpenedReport[];
  financing: GrantFinancing;
  bookedAt: string;
}

/**
 * Books a report's figures against the grant's ceilings in the grant's ESF ledger, the one
 * stream every acceptance of the grant writes to: two acceptances at the same moment append at
 * the same revision, one loses the race and decides again, now counting the other's booking.
 *
 * A booking already made for this submission (an earlier attempt that stopped before the
 * report's own event was written) is not made again: the retry only completes the acceptance,
 * without checking the ceilings anew, since the booking is the acceptance decision and nothing
 * booked later counted on its money. After a revocation in full nothing is booked, not even that.
 */
export function bookEsfAcceptance(command: BookEsfAcceptance, ledger: EsfLedgerState): EsfLedgerEvent[] {
  const { report, financing } = command;
  const { reportId, grantId, periodId } = report.period;
  assertAwaitingReview(reportId, report);
  assertNotRevoked(financing);
  if (ledger.bookings[reportId]?.submission === report.submission) return [];
  const counted = countedElsewhere(reportId, command.otherReports, ledger);
  const { expenditure } = report.submitted;
  assertWithinCeilings(expenditure, financing, counted);
  return [
    {
      type: 'EsfAcceptanceBooked',
      data: {
        grantId,
        reportId,
        periodId,
        submission: report.submission,
        expenditure,
        ceilings: financing.ceilings,
        countedBefore: cappedPart(counted, financing),
        bookedAt: command.bookedAt,
      },
    },
  ];
}

export const bookEsfAcceptanceDecider: Decider<BookEsfAcceptance, EsfLedgerEvent, EsfLedgerState> = {
  decide: bookEsfAcceptance,
  evolve: evolveEsfLedger,
  initialState: initialEsfLedgerState,
};
