import type { Projection, RecordedEvent } from '@app/eventsourcing';
import type { IndicatorDefinition } from '@app/programmes-calls/rules';
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
  /** The indicator catalogue the report states: the ids, names, units and types, required ones marked. */
  indicators: IndicatorDefinition[];
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

/** A report's history step; one literal per set of fields, so that steps share their hidden classes. */
function step(event: RecordedEvent, name: 'opened' | 'draft-saved', at: string): EsfReportStep {
  return { step: name, at, eventId: event.metadata.eventId, position: event.position };
}

function numbered(
  event: RecordedEvent,
  name: 'submitted' | 'accepted',
  at: string,
  submission: number,
): EsfReportStep {
  return { step: name, at, submission, eventId: event.metadata.eventId, position: event.position };
}

/** Concatenated, not pushed or spread: those reserve room for 16 more entries, and reports have few steps. */
function append(view: EsfReportView, s: EsfReportStep): void {
  view.history = view.history.concat([s]);
}

/** Equal figures as the same object: an accepted report mostly repeats its submission's. */
function sameRecord<T extends object>(kept: T | undefined, given: T): T {
  if (!kept || kept === given) return given;
  const a = Object.entries(kept);
  const b = Object.entries(given);
  const equal = a.length === b.length && a.every(([k, v], i) => b[i][0] === k && b[i][1] === v);
  return equal ? kept : given;
}

/** The draft of a report nobody has saved a draft of: one shared, never changed (a save replaces it). */
const NO_DRAFT: Partial<ReportContent> = Object.freeze({});

const HANDLED: readonly string[] = [
  'GrantNoticeIssued',
  'ReportPeriodOpened',
  'ReportDraftSaved',
  'ReportSubmitted',
  'ReportReturned',
  'ReportAccepted',
];

/** ESF reports as the grants office, auditors and the reporting municipality read them. */
export const esfReportsProjection: Projection<EsfReportsReadModel> = {
  name: 'esf-reports',
  eventTypes: HANDLED,
  initialState: () => ({ byId: new Map(), byGrant: new Map(), grants: new Map() }),
  apply(model, recorded: RecordedEvent) {
    const event = recorded as Recorded;
    if (event.type === 'GrantNoticeIssued') {
      const { grantId, ags, programmeId } = event.data;
      model.grants.set(grantId, { ags, programmeId });
      return model;
    }
    if (event.type === 'ReportPeriodOpened') {
      const { reportId, ...d } = event.data;
      // `{ id, ...data, more }`, not `{ ...data, more }`: V8 gives each of the latter a hidden class of
      // its own; the former share one (same field order: the id leads the event's data too).
      const view: EsfReportView = {
        reportId,
        ...d,
        status: 'open',
        submission: 0,
        draft: NO_DRAFT,
        history: [step(event, 'opened', event.metadata.occurredAt)],
        revision: event.revision,
      };
      model.byId.set(reportId, view);
      model.byGrant.set(d.grantId, (model.byGrant.get(d.grantId) ?? []).concat([reportId]));
      return model;
    }
    switch (event.type) {
      case 'ReportDraftSaved':
        return on(model, event, (view) => {
          const { expenditure, indicators, narrative, savedAt } = event.data;
          view.draft = JSON.parse(
            JSON.stringify({ expenditure, indicators, narrative }),
          ) as Partial<ReportContent>;
          append(view, step(event, 'draft-saved', savedAt));
        });
      case 'ReportSubmitted':
        return on(model, event, (view) => {
          const { expenditure, indicators, narrative, submission, submittedAt } = event.data;
          Object.assign(view, {
            status: 'submitted',
            submission,
            submitted: { expenditure, indicators, narrative, submittedAt },
          });
          delete view.remarks;
          append(view, numbered(event, 'submitted', submittedAt, submission));
        });
      case 'ReportReturned':
        return on(model, event, (view) => {
          const { remarks, submission, returnedAt } = event.data;
          Object.assign(view, { status: 'returned', remarks });
          const s: EsfReportStep = {
            step: 'returned',
            at: returnedAt,
            submission,
            remarks,
            eventId: event.metadata.eventId,
            position: event.position,
          };
          append(view, s);
        });
      case 'ReportAccepted':
        return on(model, event, (view) => {
          const { expenditure, indicators, acceptedAt, submission } = event.data;
          view.status = 'accepted';
          view.accepted = {
            expenditure: sameRecord(view.submitted?.expenditure, expenditure),
            indicators: sameRecord(view.submitted?.indicators, indicators),
            acceptedAt,
            eventId: event.metadata.eventId,
            position: event.position,
          };
          append(view, numbered(event, 'accepted', acceptedAt, submission));
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
