import type { Projection, RecordedEvent } from '@app/eventsourcing';
import type { EsfReportEvent, EsfReportStatus, Indicators, Expenditure, ReportContent } from '../esf-report';

export interface EsfReportStep {
  step: 'opened' | 'draft-saved' | 'submitted' | 'returned' | 'accepted';
  at: string;
  submission?: number;
  remarks?: string;
  eventId: string;
  position: number;
}

export interface EsfReportView {
  reportId: string;
  grantId: string;
  programmeId: string;
  ags: string;
  periodId: string;
  from: string;
  to: string;
  dueDate: string;
  status: EsfReportStatus;
  /** Number of submissions so far. */
  submission: number;
  draft: Partial<ReportContent>;
  /** The latest submission, as reviewed (or under review). */
  submitted?: ReportContent & { submittedAt: string };
  /** The remarks of the latest return, while the report awaits correction. */
  remarks?: string;
  accepted?: {
    expenditure: Expenditure;
    indicators: Indicators;
    acceptedAt: string;
    eventId: string;
    position: number;
  };
  history: EsfReportStep[];
  revision: number;
}

export interface EsfReportsReadModel {
  byId: Map<string, EsfReportView>;
  /** grantId → report ids, in the order they were opened. */
  byGrant: Map<string, string[]>;
  /** Grants by the grants context's contract event: who owns them, for access to their list. */
  grants: Map<string, { ags: string; programmeId: string }>;
}

type Recorded =
  | RecordedEvent<EsfReportEvent>
  | RecordedEvent<{ type: 'GrantNoticeIssued'; data: { grantId: string; ags: string; programmeId: string } }>;

function step(
  event: RecordedEvent,
  name: EsfReportStep['step'],
  extra: Partial<EsfReportStep> = {},
): EsfReportStep {
  return {
    step: name,
    at: event.metadata.occurredAt,
    ...extra,
    eventId: event.metadata.eventId,
    position: event.position,
  };
}

/** ESF reports as the grants office, auditors and the reporting municipality read them. */
export const esfReportsProjection: Projection<EsfReportsReadModel> = {
  name: 'esf-reports',
  initialState: () => ({ byId: new Map(), byGrant: new Map(), grants: new Map() }),
  apply(model, recorded: RecordedEvent) {
    const event = recorded as Recorded;
    if (event.type === 'GrantNoticeIssued') {
      const { grantId, ags, programmeId } = event.data;
      model.grants.set(grantId, { ags, programmeId });
      return model;
    }
    if (event.type === 'EsfReportPeriodOpened') {
      const d = event.data;
      model.byId.set(d.reportId, {
        ...d,
        status: 'open',
        submission: 0,
        draft: {},
        history: [step(event, 'opened')],
        revision: event.revision,
      });
      model.byGrant.set(d.grantId, [...(model.byGrant.get(d.grantId) ?? []), d.reportId]);
      return model;
    }
    switch (event.type) {
      case 'EsfReportDraftSaved':
        return on(model, event, (view) => {
          const { expenditure, indicators, narrative, savedAt } = event.data;
          view.draft = JSON.parse(
            JSON.stringify({ expenditure, indicators, narrative }),
          ) as Partial<ReportContent>;
          view.history.push(step(event, 'draft-saved', { at: savedAt }));
        });
      case 'EsfReportSubmitted':
        return on(model, event, (view) => {
          const { expenditure, indicators, narrative, submission, submittedAt } = event.data;
          Object.assign(view, {
            status: 'submitted',
            submission,
            submitted: { expenditure, indicators, narrative, submittedAt },
          });
          delete view.remarks;
          view.history.push(step(event, 'submitted', { at: submittedAt, submission }));
        });
      case 'EsfReportReturned':
        return on(model, event, (view) => {
          const { remarks, submission, returnedAt } = event.data;
          Object.assign(view, { status: 'returned', remarks });
          view.history.push(step(event, 'returned', { at: returnedAt, submission, remarks }));
        });
      case 'EsfReportAccepted':
        return on(model, event, (view) => {
          const { expenditure, indicators, acceptedAt, submission } = event.data;
          view.status = 'accepted';
          view.accepted = {
            expenditure,
            indicators,
            acceptedAt,
            eventId: event.metadata.eventId,
            position: event.position,
          };
          view.history.push(step(event, 'accepted', { at: acceptedAt, submission }));
        });
      default:
        return model;
    }
  },
};

/** Applies a change to the report the event names, if that report is known, and moves its revision. */
function on(
  model: EsfReportsReadModel,
  event: RecordedEvent<EsfReportEvent>,
  change: (view: EsfReportView) => void,
): EsfReportsReadModel {
  const view = model.byId.get(event.data.reportId);
  if (!view) return model;
  change(view);
  view.revision = event.revision;
  return model;
}
