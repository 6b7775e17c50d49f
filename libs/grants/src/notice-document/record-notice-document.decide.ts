import type { Decider } from '@app/eventsourcing';
import type { GrantNoticeDocumentRecorded } from '../grant';

/** The notice's document stream: `grant-notice-document-<grantId>`, beside the grant's own. */
export const noticeDocumentStream = (grantId: string) => `grant-notice-document-${grantId}`;

export type RecordNoticeDocument = GrantNoticeDocumentRecorded['data'];

export interface NoticeDocumentState {
  recorded?: { sha256: string; templateVersion: number };
}

/**
 * Records the notice's document once per template version: the same document again (a retried
 * request) records nothing.
 */
export function recordNoticeDocument(
  command: RecordNoticeDocument,
  state: NoticeDocumentState,
): GrantNoticeDocumentRecorded[] {
  if (state.recorded?.sha256 === command.sha256) return [];
  return [{ type: 'GrantNoticeDocumentRecorded', data: { ...command } }];
}

export const recordNoticeDocumentDecider: Decider<
  RecordNoticeDocument,
  GrantNoticeDocumentRecorded,
  NoticeDocumentState
> = {
  decide: recordNoticeDocument,
  evolve: (_state, event) => ({
    recorded: { sha256: event.data.sha256, templateVersion: event.data.templateVersion },
  }),
  initialState: () => ({}),
};
