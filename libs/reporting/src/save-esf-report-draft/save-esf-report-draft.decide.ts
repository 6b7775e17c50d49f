import type { Decider } from '@app/eventsourcing';
import {
  type EsfReportEvent,
  type EsfReportState,
  evolveEsfReport,
  initialEsfReportState,
  type ReportContentInput,
} from '../esf-report';
import { assertIndicatorsInCatalogue } from '../indicator-rules';
import { expenditureOf } from '../report-rules';
import { assertChangeable } from '../report-status';

export interface SaveEsfReportDraft {
  reportId: string;
  content: ReportContentInput;
  /** The sources of the grant's notice, in its order: what the figures are stated by. */
  sourceIds: string[];
  now: string;
}

/** The draft is replaced as a whole; figures and indicators are checked now, completeness at submission. */
export function saveEsfReportDraft(command: SaveEsfReportDraft, state: EsfReportState): EsfReportEvent[] {
  assertChangeable(command.reportId, state);
  const expenditure = expenditureOf(command.content, command.sourceIds);
  assertIndicatorsInCatalogue(command.content.indicators, state.period.indicators);
  const { indicators, narrative } = command.content;
  return [
    {
      type: 'ReportDraftSaved',
      data: {
        reportId: command.reportId,
        grantId: state.period.grantId,
        ags: state.period.ags,
        ...(expenditure ? { expenditure } : {}),
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
