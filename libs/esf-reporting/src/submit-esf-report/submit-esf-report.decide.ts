import type { Decider } from '@app/eventsourcing';
import { endOfDayInBerlin } from '@app/shared/time/berlin-time';
import { EsfReportIncomplete, EsfReportPeriodNotEnded } from '../errors';
import {
  type EsfReportEvent,
  type EsfReportState,
  evolveEsfReport,
  type Expenditure,
  initialEsfReportState,
  REQUIRED_INDICATORS,
  type ReportContent,
  type ReportContentInput,
} from '../esf-report';
import {
  assertFiguresValid,
  assertSharesWithinNotice,
  assertWithinNoticeAmounts,
  withoutTotal,
} from '../report-rules';
import { assertChangeable } from '../report-status';

export interface SubmitEsfReport {
  reportId: string;
  /** What the request names; anything it leaves out comes from the saved draft. */
  content: ReportContentInput;
  now: string;
  /** The grant notice's financing plan: ESF + Land (the grant) and own funds on top. */
  notice: Expenditure;
  /** Sum of the accepted reports of the grant's other periods. */
  acceptedElsewhere: Expenditure;
}

/**
 * A report for an opened period whose period has ended (24:00 Berlin time on its last day),
 * complete, with figures that add up, ESF and Land shares within the notice's shares, and ESF
 * and Land amounts that, with what was accepted before, stay within the notice's amounts.
 * A first submission while open, a corrected one only after the report was returned.
 */
export function submitEsfReport(command: SubmitEsfReport, state: EsfReportState): EsfReportEvent[] {
  const { reportId, content, now } = command;
  assertChangeable(reportId, state);
  const { period } = state;
  if (Date.parse(now) < endOfDayInBerlin(period.to).getTime())
    throw new EsfReportPeriodNotEnded(reportId, period.to);
  assertFiguresValid(content);
  const report = complete({
    expenditure: content.expenditure ? withoutTotal(content.expenditure) : state.draft.expenditure,
    indicators: content.indicators ?? state.draft.indicators,
    narrative: content.narrative ?? state.draft.narrative,
  });
  assertSharesWithinNotice(report.expenditure, command.notice);
  assertWithinNoticeAmounts(report.expenditure, command.notice, command.acceptedElsewhere);
  return [
    {
      type: 'EsfReportSubmitted',
      data: {
        reportId,
        grantId: period.grantId,
        ags: period.ags,
        periodId: period.periodId,
        ...report,
        submission: state.submission + 1,
        submittedAt: now,
      },
    },
  ];
}

function complete(report: Partial<ReportContent>): ReportContent {
  const missing = [
    ...(report.expenditure ? [] : ['expenditure']),
    ...REQUIRED_INDICATORS.filter((name) => report.indicators?.[name] === undefined).map(
      (n) => `indicators.${n}`,
    ),
    ...(report.narrative?.trim() ? [] : ['narrative']),
  ];
  if (missing.length > 0) throw new EsfReportIncomplete(missing);
  return report as ReportContent;
}

export const submitEsfReportDecider: Decider<SubmitEsfReport, EsfReportEvent, EsfReportState> = {
  decide: submitEsfReport,
  evolve: evolveEsfReport,
  initialState: initialEsfReportState,
};
