import type { Decider } from '@app/eventsourcing';
import {
  type EsfReportEvent,
  type EsfReportState,
  evolveEsfReport,
  type Expenditure,
  initialEsfReportState,
} from '../esf-report';
import { assertWithinNoticeAmounts } from '../report-rules';
import { assertAwaitingReview } from '../report-status';

export interface AcceptEsfReport {
  reportId: string;
  now: string;
  notice: Expenditure;
  acceptedElsewhere: Expenditure;
}

/**
 * Acceptance fixes the figures the programme totals are made of, so the notice's ESF and Land
 * amounts are checked again against everything accepted by now (another period of the same
 * grant may have been accepted since this one was submitted).
 */
export function acceptEsfReport(command: AcceptEsfReport, state: EsfReportState): EsfReportEvent[] {
  assertAwaitingReview(command.reportId, state);
  const { period, submitted } = state;
  assertWithinNoticeAmounts(submitted.expenditure, command.notice, command.acceptedElsewhere);
  return [
    {
      type: 'EsfReportAccepted',
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
