import type { IndicatorDefinition } from '@app/programmes-calls/rules';
import type { Decider } from '@app/eventsourcing';
import { endOfDayInBerlin } from '@app/shared/time/berlin-time';
import { EsfReportIncomplete, EsfReportPeriodNotEnded } from '../errors';
import {
  type EsfReportEvent,
  type EsfReportState,
  evolveEsfReport,
  initialEsfReportState,
  type OpenedReport,
  type ReportContent,
  type ReportContentInput,
} from '../esf-report';
import {
  assertNotRevoked,
  assertWithinCeilings,
  countedElsewhere,
  type GrantFinancing,
} from '../financing-limits';
import type { EsfLedgerState } from '../esf-ledger';
import { assertIndicatorsInCatalogue, assertRequiredIndicators } from '../indicator-rules';
import { assertSharesWithinNotice, expenditureOf } from '../report-rules';
import { assertChangeable } from '../report-status';

export interface SubmitEsfReport {
  reportId: string;
  /** What the request names; anything it leaves out comes from the saved draft. */
  content: ReportContentInput;
  now: string;
  /** The notice's sources and financing plan, and the ceilings of its capped sources in force. */
  financing: GrantFinancing;
  /** The grant's other reports and its ESF ledger: what they count against the ceilings. */
  otherReports: OpenedReport[];
  ledger: EsfLedgerState;
}

/**
 * A report for an opened period whose period has ended (24:00 Berlin time on its last day),
 * complete, with the indicators of its catalogue (required ones present, none unknown, each of
 * its type), figures per source of the notice that add up, the capped (grant) sources' shares
 * within the notice's shares, and their amounts that, with what the grant's other reports count,
 * stay within the ceilings in force (acceptance checks that again, serialised by the ledger). A first submission while
 * open, a corrected one only after the report was returned; none once the grant is revoked in full.
 */
export function submitEsfReport(command: SubmitEsfReport, state: EsfReportState): EsfReportEvent[] {
  const { reportId, content, now } = command;
  assertChangeable(reportId, state);
  assertNotRevoked(command.financing);
  const { period } = state;
  if (Date.parse(now) < endOfDayInBerlin(period.to).getTime())
    throw new EsfReportPeriodNotEnded(reportId, period.to);
  const expenditure = expenditureOf(
    content,
    command.financing.sources.map((s) => s.sourceId),
  );
  const catalogue = period.indicators;
  assertIndicatorsInCatalogue(content.indicators, catalogue);
  const report = complete(
    {
      expenditure: expenditure ?? state.draft.expenditure,
      indicators: content.indicators ?? state.draft.indicators ?? {},
      narrative: content.narrative ?? state.draft.narrative,
    },
    catalogue,
  );
  // A draft saved under the same catalogue was checked when saved; checked again all the same.
  assertIndicatorsInCatalogue(report.indicators, catalogue);
  assertRequiredIndicators(report.indicators, catalogue);
  assertSharesWithinNotice(report.expenditure, command.financing.notice, command.financing.sources);
  assertWithinCeilings(
    report.expenditure,
    command.financing,
    countedElsewhere(reportId, command.otherReports, command.ledger),
  );
  return [
    {
      type: 'ReportSubmitted',
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

/**
 * Everything a submission lacks, named at once: the figures, the narrative and, with them, the
 * required indicators (a report lacking only indicators is refused by `assertRequiredIndicators`).
 */
function complete(report: Partial<ReportContent>, catalogue: readonly IndicatorDefinition[]): ReportContent {
  const missing: { field: string; label: string }[] = [
    ...(report.expenditure ? [] : [{ field: 'expenditure', label: 'Ausgaben' }]),
    ...(report.narrative?.trim() ? [] : [{ field: 'narrative', label: 'Sachbericht' }]),
  ];
  if (missing.length > 0) {
    for (const i of catalogue)
      if (i.required && report.indicators?.[i.indicatorId] === undefined)
        missing.push({ field: `indicators.${i.indicatorId}`, label: `„${i.name}“` });
    throw new EsfReportIncomplete(
      missing.map((m) => m.field),
      missing.map((m) => m.label),
    );
  }
  return report as ReportContent;
}

export const submitEsfReportDecider: Decider<SubmitEsfReport, EsfReportEvent, EsfReportState> = {
  decide: submitEsfReport,
  evolve: evolveEsfReport,
  initialState: initialEsfReportState,
};
