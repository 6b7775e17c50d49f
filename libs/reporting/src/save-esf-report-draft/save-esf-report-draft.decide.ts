import type { Decider } from '@app/eventsourcing';
import {
  type EsfReportEvent,
  type EsfReportState,
  evolveEsfReport,
  initialEsfReportState,
  type ReportContentInput,
} from '../esf-report';
import { assertIndicatorsInCatalogue } from '../indicator-rules';
import { assertFiguresValid, withoutTotal } from '../report-rules';
import { assertChangeable } from '../report-status';

export interface SaveEsfReportDraft {
  reportId: string;
  content: ReportContentInput;
  now: string;
}

/** The draft is replaced as a whole; figures and indicators are checked now, completeness at submission. */
export function saveEsfReportDraft(command: SaveEsfReportDraft, state: EsfReportState): EsfReportEvent[] {
  assertChangeable(command.reportId, state);
  assertFiguresValid(command.content);
  assertIndicatorsInCatalogue(command.content.indicators, state.period.indicators);
  const { expenditure, indicators, narrative } = command.content;
  return [
    {
      type: 'ReportDraftSaved',
      data: {
        reportId: command.reportId,
        grantId: state.period.grantId,
        ags: state.period.ags,
        ...(expenditure ? { expenditure: withoutTotal(expenditure) } : {}),
        ...(indicators ? { indicators } : {}),
        ...(narrative !== undefined ? { narrative } : {}),
        savedAt: command.now,
      },
    },
  ];
}

export const saveEsfReportDraftDecider: Decider<SaveEsfReportDraft, EsfReportEvent, EsfReportState> = {
  decide: saveEsfReportDraft,
  evolve: evolveEsfReport,
  initialState: initialEsfReportState,
};
