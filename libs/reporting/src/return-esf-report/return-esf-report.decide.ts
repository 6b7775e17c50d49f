import type { Decider } from '@app/eventsourcing';
import { ReturnRemarksMissing } from '../errors';
import {
  type EsfReportEvent,
  type EsfReportState,
  evolveEsfReport,
  initialEsfReportState,
} from '../esf-report';
import { assertAwaitingReview } from '../report-status';

export interface ReturnEsfReport {
  reportId: string;
  remarks: string;
  now: string;
}

/** The office returns a submitted report with remarks; the municipality corrects and resubmits. */
export function returnEsfReport(command: ReturnEsfReport, state: EsfReportState): EsfReportEvent[] {
  assertAwaitingReview(command.reportId, state);
  const remarks = command.remarks.trim();
  if (!remarks) throw new ReturnRemarksMissing();
  return [
    {
      type: 'ReportReturned',
      data: {
        reportId: command.reportId,
        grantId: state.period.grantId,
        ags: state.period.ags,
        remarks,
        submission: state.submission,
        returnedAt: command.now,
      },
    },
  ];
}

export const returnEsfReportDecider: Decider<ReturnEsfReport, EsfReportEvent, EsfReportState> = {
  decide: returnEsfReport,
  evolve: evolveEsfReport,
  initialState: initialEsfReportState,
};
