import { NotFound } from '@app/eventsourcing';
import {
  EsfReportAlreadyAccepted,
  EsfReportAwaitingReview,
  EsfReportNotSubmitted,
  EsfReportPeriodNotOpened,
} from './errors';
import type { EsfReportState, OpenedReport, ReportContent } from './esf-report';

/** The municipality works on a report while its period is open or after it was returned. */
export function assertChangeable(reportId: string, state: EsfReportState): asserts state is OpenedReport {
  if (state.status === 'none') throw new EsfReportPeriodNotOpened(reportId);
  if (state.status === 'accepted') throw new EsfReportAlreadyAccepted(reportId);
  if (state.status === 'submitted') throw new EsfReportAwaitingReview(reportId);
}

/** The office reviews only a report awaiting review; an accepted one is final. */
export function assertAwaitingReview(
  reportId: string,
  state: EsfReportState,
): asserts state is OpenedReport & { submitted: ReportContent } {
  if (state.status === 'none') throw new NotFound('ESF report', reportId);
  if (state.status === 'accepted') throw new EsfReportAlreadyAccepted(reportId);
  if (state.status !== 'submitted' || !state.submitted)
    throw new EsfReportNotSubmitted(reportId, state.status);
}
