import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import {
  type Applicant,
  type ExpressionOfInterestView,
  expressionsOfInterestProjection,
  involves,
} from '@app/applications';
import { type Principal, seesEverything } from '@app/identity';
import { programmesCallsProjection } from '@app/programmes-calls';
import type { Outcome } from '../selection';
import { type CrossSection, crossSection } from './cross-section';
import {
  type AssessmentView,
  type DecisionView,
  type FormalCheckView,
  type SelectionRecord,
  selectionProjection,
} from './selection.projection';

export type SelectionStage =
  'not-submitted' | 'awaiting-formal-check' | 'formal-check-failed' | 'in-assessment' | Outcome;

/** The whole record, for the grants office and auditors. */
export interface SelectionView {
  applicationId: string;
  callId: string;
  applicant: Applicant;
  members: Applicant[];
  submittedAt?: string;
  stage: SelectionStage;
  formalCheck?: FormalCheckView;
  formalChecksRecorded: number;
  assessments: AssessmentView[];
  /** Mean of the assessors' weighted scores, two decimals; absent until someone scored. */
  averageScore?: number;
  decision?: DecisionView;
  revision: number;
}

/** What the applicant municipality sees: the decision and its reasons, not the assessors' scores. */
export interface ApplicantSelectionView {
  applicationId: string;
  callId: string;
  decision?: Pick<
    DecisionView,
    'outcome' | 'reasons' | 'amountCents' | 'councilResolutionDue' | 'rules' | 'decidedAt' | 'history'
  >;
}

export interface CallSelectionView {
  callId: string;
  candidates: number;
  selected: number;
  selectedAmountCents: number;
  /** Submissions, best average score first; unscored ones last. */
  submissions: Omit<SelectionView, 'formalCheck' | 'assessments'>[];
}

function stageOf(eoi: ExpressionOfInterestView, record?: SelectionRecord): SelectionStage {
  if (record?.decision) return record.decision.outcome;
  if (eoi.status !== 'submitted') return 'not-submitted';
  if (!record?.formalCheck) return 'awaiting-formal-check';
  return record.formalCheck.passed ? 'in-assessment' : 'formal-check-failed';
}

function toView(eoi: ExpressionOfInterestView, record?: SelectionRecord): SelectionView {
  const assessments = record?.assessments ?? [];
  const average =
    assessments.length > 0
      ? Math.round((assessments.reduce((sum, a) => sum + a.weightedScore, 0) / assessments.length) * 100) /
        100
      : undefined;
  return {
    applicationId: eoi.applicationId,
    callId: eoi.callId,
    applicant: eoi.applicant,
    members: eoi.members,
    submittedAt: eoi.submittedAt,
    stage: stageOf(eoi, record),
    formalCheck: record?.formalCheck,
    formalChecksRecorded: record?.formalChecksRecorded ?? 0,
    assessments,
    averageScore: average,
    decision: record?.decision,
    revision: record?.revision ?? -1,
  };
}

export class GetSelectionQuery extends Query<SelectionView | ApplicantSelectionView> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
  ) {
    super();
  }
}

export class ListCallSelectionQuery extends Query<CallSelectionView> {
  constructor(readonly callId: string) {
    super();
  }
}

/** One place in a call's ranking. */
export interface RankingEntry {
  /** 1 for the best mean weighted score; equal scores share a rank; unscored submissions have none. */
  rank?: number;
  applicationId: string;
  applicant: Applicant;
  /** Mean of the assessors' weighted scores (criteria weighted by the call), two decimals. */
  averageScore?: number;
  assessments: number;
  stage: SelectionStage;
  decision?: { outcome: Outcome; amountCents?: number };
  /** Whether its rank lies within the call's participant cap (absent when the call names none). */
  withinCap?: boolean;
}

export interface CallRanking {
  callId: string;
  participants?: { min: number; max: number };
  budgetCents?: number;
  selected: number;
  selectedAmountCents: number;
  entries: RankingEntry[];
}

export class GetCallRankingQuery extends Query<CallRanking> {
  constructor(readonly callId: string) {
    super();
  }
}

export class GetCrossSectionQuery extends Query<CrossSection> {
  constructor(readonly callId: string) {
    super();
  }
}

@QueryHandler(GetSelectionQuery)
export class GetSelectionHandler implements IQueryHandler<GetSelectionQuery> {
  constructor(private readonly projections: ProjectionRunner) {}

  async execute({
    principal,
    applicationId,
  }: GetSelectionQuery): Promise<SelectionView | ApplicantSelectionView> {
    const eoi = this.projections.state(expressionsOfInterestProjection).byId.get(applicationId);
    const record = this.projections.state(selectionProjection).get(applicationId);
    if (eoi && seesEverything(principal)) return toView(eoi, record);
    if (!eoi || !principal.ags || !involves(eoi, principal.ags))
      throw new NotFound('Selection record', applicationId);
    const decision = record?.decision;
    return {
      applicationId,
      callId: eoi.callId,
      ...(decision
        ? {
            decision: {
              outcome: decision.outcome,
              reasons: decision.reasons,
              amountCents: decision.amountCents,
              councilResolutionDue: decision.councilResolutionDue,
              rules: decision.rules,
              decidedAt: decision.decidedAt,
              history: decision.history,
            },
          }
        : {}),
    };
  }
}

/** The call's submitted expressions of interest with their selection records. */
function submissionsOf(projections: ProjectionRunner, callId: string): SelectionView[] {
  if (!projections.state(programmesCallsProjection).calls.has(callId)) throw new NotFound('Call', callId);
  const eois = projections.state(expressionsOfInterestProjection);
  const records = projections.state(selectionProjection);
  return (eois.byCall.get(callId) ?? [])
    .map((id) => eois.byId.get(id))
    .filter((eoi): eoi is ExpressionOfInterestView => eoi?.status === 'submitted')
    .map((eoi) => toView(eoi, records.get(eoi.applicationId)));
}

@QueryHandler(ListCallSelectionQuery)
export class ListCallSelectionHandler implements IQueryHandler<ListCallSelectionQuery> {
  constructor(private readonly projections: ProjectionRunner) {}

  async execute({ callId }: ListCallSelectionQuery): Promise<CallSelectionView> {
    const views = submissionsOf(this.projections, callId).sort(
      (a, b) =>
        (b.averageScore ?? -1) - (a.averageScore ?? -1) || a.applicationId.localeCompare(b.applicationId),
    );
    const selected = views.filter((v) => v.decision?.outcome === 'selected');
    return {
      callId,
      candidates: views.length,
      selected: selected.length,
      selectedAmountCents: selected.reduce((sum, v) => sum + (v.decision?.amountCents ?? 0), 0),
      submissions: views.map(({ formalCheck: _check, assessments: _assessments, ...summary }) => summary),
    };
  }
}

@QueryHandler(GetCrossSectionQuery)
export class GetCrossSectionHandler implements IQueryHandler<GetCrossSectionQuery> {
  constructor(private readonly projections: ProjectionRunner) {}

  async execute({ callId }: GetCrossSectionQuery): Promise<CrossSection> {
    const candidates = submissionsOf(this.projections, callId).map((v) => ({
      lead: v.applicant,
      outcome: v.decision?.outcome,
    }));
    const call = this.projections.state(programmesCallsProjection).calls.get(callId)!;
    // A call drafted without a cross-section is broken down by applicant type only.
    const config = call.crossSection ?? { dimensions: ['municipality-type' as const] };
    return crossSection(callId, candidates, {
      ...config,
      eligibleApplicantTypes: call.eligibleApplicantTypes,
    });
  }
}

/** The call's submissions ranked by mean weighted score, against its participant cap and budget. */
@QueryHandler(GetCallRankingQuery)
export class GetCallRankingHandler implements IQueryHandler<GetCallRankingQuery> {
  constructor(private readonly projections: ProjectionRunner) {}

  async execute({ callId }: GetCallRankingQuery): Promise<CallRanking> {
    const views = submissionsOf(this.projections, callId).sort(
      (a, b) =>
        (b.averageScore ?? -1) - (a.averageScore ?? -1) || a.applicationId.localeCompare(b.applicationId),
    );
    const call = this.projections.state(programmesCallsProjection).calls.get(callId)!;
    const max = call.participants?.max;
    let rank = 0;
    let previous: number | undefined;
    const entries = views.map((v, i): RankingEntry => {
      if (v.averageScore !== undefined && v.averageScore !== previous) rank = i + 1;
      previous = v.averageScore;
      const ranked = v.averageScore !== undefined ? rank : undefined;
      return {
        ...(ranked !== undefined && { rank: ranked }),
        applicationId: v.applicationId,
        applicant: v.applicant,
        ...(v.averageScore !== undefined && { averageScore: v.averageScore }),
        assessments: v.assessments.length,
        stage: v.stage,
        ...(v.decision && { decision: { outcome: v.decision.outcome, amountCents: v.decision.amountCents } }),
        ...(max !== undefined && { withinCap: ranked !== undefined && ranked <= max }),
      };
    });
    const selected = views.filter((v) => v.decision?.outcome === 'selected');
    return {
      callId,
      ...(call.participants && { participants: call.participants }),
      ...(call.budgetCents !== undefined && { budgetCents: call.budgetCents }),
      selected: selected.length,
      selectedAmountCents: selected.reduce((sum, v) => sum + (v.decision?.amountCents ?? 0), 0),
      entries,
    };
  }
}
