import type { Projection, RecordedEvent } from '@app/eventsourcing';
import type { AppliedRules } from '@app/programmes-calls';
import type {
  CouncilResolutionDue,
  CriterionScore,
  FormalCheckRecorded,
  Outcome,
  SelectionEvent,
} from '../selection';

export type FormalCheckView = FormalCheckRecorded['data'];

export interface AssessmentView {
  assessor: string;
  assessorName?: string;
  scores: CriterionScore[];
  weightedScore: number;
  comment?: string;
  scoredAt: string;
  revisedAt?: string;
  /** Earlier versions of this assessment, oldest first: revisions never overwrite the record. */
  earlier: { scores: CriterionScore[]; weightedScore: number; comment?: string; at: string }[];
}

export interface DecisionEntry {
  outcome: Outcome;
  reasons: string[];
  amountCents?: number;
  at: string;
  /** Set on corrections: the outcome this entry replaced. */
  corrects?: Outcome;
}

/** The decision as it stands after corrections, and its history from the decision as made. */
export interface DecisionView {
  outcome: Outcome;
  reasons: string[];
  amountCents?: number;
  population?: number;
  councilResolutionDue?: CouncilResolutionDue;
  /** A selection beyond the call's participant cap or budget, with the office's reason. */
  limitsOverridden?: { limits: ('participant-cap' | 'budget')[]; reason: string };
  rules: AppliedRules;
  decidedAt: string;
  history: DecisionEntry[];
}

export interface SelectionRecord {
  applicationId: string;
  /** The latest formal check: the one a decision relies on. */
  formalCheck?: FormalCheckView;
  formalChecksRecorded: number;
  assessments: AssessmentView[];
  decision?: DecisionView;
  revision: number;
}

export type SelectionReadModel = Map<string, SelectionRecord>;

function record(model: SelectionReadModel, applicationId: string): SelectionRecord {
  let found = model.get(applicationId);
  if (!found) {
    found = { applicationId, formalChecksRecorded: 0, assessments: [], revision: -1 };
    model.set(applicationId, found);
  }
  return found;
}

/** Each submission's selection record: formal check, assessments with their history, decision. */
export const selectionProjection: Projection<SelectionReadModel> = {
  name: 'selection',
  eventTypes: [
    'FormalCheckRecorded',
    'AssessmentScored',
    'AssessmentRevised',
    'SubmissionSelected',
    'SubmissionRejected',
    'SubmissionWaitlisted',
    'SelectionDecisionCorrected',
  ],
  initialState: () => new Map(),
  apply(model, recorded: RecordedEvent) {
    const event = recorded as RecordedEvent<SelectionEvent>;
    const at = event.metadata.occurredAt;
    switch (event.type) {
      case 'FormalCheckRecorded': {
        const r = record(model, event.data.applicationId);
        r.formalCheck = event.data;
        r.formalChecksRecorded += 1;
        r.revision = event.revision;
        break;
      }
      case 'AssessmentScored': {
        const r = record(model, event.data.applicationId);
        const { applicationId: _id, ...assessment } = event.data;
        // Concatenated, not pushed: a pushed-to array reserves room for 16 more.
        r.assessments = r.assessments.concat([Object.assign(assessment, { scoredAt: at, earlier: [] })]);
        r.revision = event.revision;
        break;
      }
      case 'AssessmentRevised': {
        const r = record(model, event.data.applicationId);
        const current = r.assessments.find((a) => a.assessor === event.data.assessor);
        if (!current) break;
        const { scores, weightedScore, comment, revisedAt, scoredAt } = current;
        current.earlier.push({
          scores,
          weightedScore,
          ...(comment ? { comment } : {}),
          at: revisedAt ?? scoredAt,
        });
        const { applicationId: _id, ...revised } = event.data;
        Object.assign(current, { comment: undefined, ...revised, revisedAt: at });
        r.revision = event.revision;
        break;
      }
      case 'SubmissionSelected':
      case 'SubmissionRejected':
      case 'SubmissionWaitlisted': {
        const r = record(model, event.data.applicationId);
        const outcome = OUTCOME_OF[event.type];
        const selected = event.type === 'SubmissionSelected' ? event.data : undefined;
        r.decision = {
          outcome,
          reasons: event.data.reasons,
          amountCents: selected?.amountCents,
          population: selected?.population,
          councilResolutionDue: selected?.councilResolutionDue,
          ...(selected?.limitsOverridden && { limitsOverridden: selected.limitsOverridden }),
          rules: event.data.rules,
          decidedAt: event.data.decidedAt,
          history: [
            {
              outcome,
              reasons: event.data.reasons,
              amountCents: selected?.amountCents,
              at: event.data.decidedAt,
            },
          ],
        };
        r.revision = event.revision;
        break;
      }
      case 'SelectionDecisionCorrected': {
        const r = record(model, event.data.applicationId);
        if (!r.decision) break;
        const { outcome, reasons, amountCents, population, councilResolutionDue, corrects, correctedAt } =
          event.data;
        Object.assign(r.decision, { outcome, reasons, amountCents, population, councilResolutionDue });
        r.decision.history.push({ outcome, reasons, amountCents, at: correctedAt, corrects });
        r.revision = event.revision;
        break;
      }
    }
    return model;
  },
};

const OUTCOME_OF: Record<'SubmissionSelected' | 'SubmissionRejected' | 'SubmissionWaitlisted', Outcome> = {
  SubmissionSelected: 'selected',
  SubmissionRejected: 'rejected',
  SubmissionWaitlisted: 'waitlisted',
};
