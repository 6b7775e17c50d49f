import type { Decider } from '@app/eventsourcing';
import { EsfAcceptanceNotBooked } from '../errors';
import {
  type EsfReportEvent,
  type EsfReportState,
  evolveEsfReport,
  initialEsfReportState,
} from '../esf-report';
import { assertAwaitingReview } from '../report-status';

export interface AcceptEsfReport {
  reportId: string;
  now: string;
  /** The submission of this report booked in the grant's ESF ledger, if any. */
  bookedSubmission?: number;
}

/**
 * Acceptance fixes the figures the programme totals are made of. The money check against the
 * notice happened when the acceptance was booked in the grant's ESF ledger (book-esf-acceptance),
 * so the report is accepted only with the booking of exactly the submission under review.
 */
export function acceptEsfReport(command: AcceptEsfReport, state: EsfReportState): EsfReportEvent[] {
  assertAwaitingReview(command.reportId, state);
  const { period, submitted } = state;
  if (command.bookedSubmission !== state.submission)
    throw new EsfAcceptanceNotBooked(period.reportId, state.submission);
  return [
    {
      type: 'ReportAccepted',
      data: {
        reportId: period.reportId,
        grantId: period.grantId,
        programmeId: period.programmeId,
        ags: period.ags,
        periodId: period.periodId,
        from: period.from,
        to: period.to,
        year: Number(period.periodId.slice(0, 4)),
        expenditure: submitted.expenditure,
        indicators: submitted.indicators,
        submission: state.submission,
        acceptedAt: command.now,
      },
    },
  ];
}

export const acceptEsfReportDecider: Decider<AcceptEsfReport, EsfReportEvent, EsfReportState> = {
  decide: acceptEsfReport,
  evolve: evolveEsfReport,
  initialState: initialEsfReportState,
};
