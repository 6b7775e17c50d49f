import type { Decider } from '@app/eventsourcing';
import {
  AmountAboveSelection,
  AmountNotPositive,
  AmountRequired,
  ApplicantNotSelected,
  ContinuationOfOtherMunicipality,
  ContinuationPeriodOverlaps,
  ContinuationPhaseMismatch,
  ContinuationRequired,
  ContinuedGrantRevoked,
  ContinuedGrantUnknown,
  CoordinatorMissing,
  FinancingDoesNotAddUp,
  FinancingSourceTwice,
  FinancingSourceUnknown,
  GranteeNotSelectedApplicant,
  GrantNoticeExists,
  GrantPeriodInvalid,
  PhaseNotOfCall,
  PhaseUnknown,
  RulesVersionUnknown,
  shareBelowMinimum,
  shareExceeded,
} from '../errors';
import {
  type Coordinator,
  evolveGrant,
  type Financing,
  type GrantEvent,
  type GrantPeriod,
  type GrantState,
  grantIdFor,
  initialGrantState,
  type SourceAmount,
  totalEligibleCents,
} from '../grant';
import type { GrantPhase, GrantSource, ResolvedRules } from '../grant-settings';
import type { SelectionDecision } from '../outside-facts/selection-decision';
import { takesV1Financing } from '../funding-sources';

/** What a notice rests on: a selection in a call, or the grant of an earlier phase it continues. */
export type NoticeBasis =
  | {
      kind: 'selection';
      applicationId: string;
      selection: SelectionDecision;
      /** The phase the selection's call was for; a call without one is for the programme's first phase. */
      callPhaseId?: string;
      /** The municipality's grant of the phase before the call's, if it holds one. */
      previousPhaseGrant?: { grantId: string; state: GrantState };
    }
  | { kind: 'continuation'; continuationOf: string; continued: GrantState };

export interface IssueGrantNotice {
  /** The phase the office names; by default the call's, or for a continuation the next one. */
  phaseId?: string;
  ags: string;
  basis: NoticeBasis;
  amountCents?: number;
  period: GrantPeriod;
  /** As requested: sources the terms do not name are refused, sources not named are 0. */
  financing: SourceAmount[];
  conditions: string[];
  coordinator: Coordinator;
  /** Undefined when the selection names a rules version the programme does not know. */
  rules: ResolvedRules | undefined;
  issuedAt: string;
}

interface Grounds {
  programmeId: string;
  grantId: string;
  phaseId?: string;
  applicationId?: string;
  callId?: string;
  continuationOf?: string;
  selectedCents?: number;
  continuedPeriodTo?: string;
}

/** The programme the basis is of, once the basis is known to carry a notice for this municipality. */
export function noticeProgramme({ basis, ags }: Pick<IssueGrantNotice, 'basis' | 'ags'>): string {
  if (basis.kind === 'selection') {
    const { selection, applicationId } = basis;
    if (selection.outcome !== 'selected' || !selection.programmeId || !selection.ags)
      throw new ApplicantNotSelected(applicationId, selection.outcome);
    if (selection.ags !== ags) throw new GranteeNotSelectedApplicant(ags, selection.ags);
    return selection.programmeId;
  }
  const { continued, continuationOf } = basis;
  if (continued.status === 'none') throw new ContinuedGrantUnknown(continuationOf);
  if (continued.notice.ags !== ags) throw new ContinuationOfOtherMunicipality(ags, continued.notice.ags);
  return continued.notice.programmeId;
}

/** Numbered phases (`phase-1`, `phase-2`: the first programme's) keep the grant ids they always had. */
const NUMBERED_PHASE = /^phase-\d+$/;

/**
 * Whether the basis carries a notice for this municipality and phase, and under which id (see
 * `grantIdOfSelection`): a selection grounds a notice in its call's phase (municipalities holding
 * a grant of the phase before continue it instead); a continuation one in the phase after the
 * continued grant's.
 */
export function noticeGrounds(
  command: Pick<IssueGrantNotice, 'basis' | 'ags' | 'phaseId' | 'rules'>,
): Grounds {
  const { basis, ags, rules } = command;
  const programmeId = noticeProgramme(command);
  if (!rules) {
    throw new RulesVersionUnknown(basis.kind === 'selection' ? (basis.selection.rules?.version ?? 0) : 0);
  }
  const phases = rules.settings.phases;
  const phaseName = (id: string | undefined) => phases.find((p) => p.phaseId === id)?.name ?? id;
  if (command.phaseId !== undefined && !phases.some((p) => p.phaseId === command.phaseId))
    throw new PhaseUnknown({ phaseId: command.phaseId, phases: phases.map((p) => p.phaseId) });
  if (basis.kind === 'selection') {
    const { selection, applicationId } = basis;
    const callPhaseId = basis.callPhaseId ?? phases[0]?.phaseId;
    const phaseId = command.phaseId ?? callPhaseId;
    if (phaseId !== callPhaseId)
      throw new PhaseNotOfCall({
        phaseId,
        phaseName: phaseName(phaseId),
        callPhaseId,
        callPhaseName: phaseName(callPhaseId),
      });
    const previous = basis.previousPhaseGrant;
    if (previous && previous.state.status === 'issued') throw new ContinuationRequired(previous.grantId);
    const numbered = phaseId !== undefined && NUMBERED_PHASE.test(phaseId);
    return {
      programmeId,
      grantId:
        numbered || !selection.callId
          ? grantIdFor(programmeId, phaseId ?? 'grant', ags)
          : `${selection.callId}.${ags}`,
      ...(phaseId !== undefined && { phaseId }),
      applicationId,
      callId: selection.callId,
      selectedCents: selection.amountCents,
    };
  }
  const { continued, continuationOf } = basis;
  if (continued.status === 'none') throw new ContinuedGrantUnknown(continuationOf);
  const next = nextPhase(phases, continued.notice.phaseId);
  if (!next || (command.phaseId !== undefined && command.phaseId !== next.phaseId))
    throw new ContinuationPhaseMismatch({
      ...(command.phaseId !== undefined && { phaseId: command.phaseId }),
      ...(continued.notice.phaseId !== undefined && { continuedPhaseId: continued.notice.phaseId }),
      ...(next && { nextPhaseId: next.phaseId, nextPhaseName: next.name }),
    });
  if (continued.status === 'revoked') throw new ContinuedGrantRevoked(continuationOf);
  return {
    programmeId,
    grantId: grantIdFor(programmeId, next.phaseId, ags),
    phaseId: next.phaseId,
    continuationOf,
    continuedPeriodTo: continued.notice.period.to,
  };
}

/** The phase after `phaseId` in the programme's order; none after the last or without a phase. */
export function nextPhase(
  phases: readonly GrantPhase[],
  phaseId: string | undefined,
): GrantPhase | undefined {
  const index = phaseId === undefined ? -1 : phases.findIndex((p) => p.phaseId === phaseId);
  return index < 0 ? undefined : phases[index + 1];
}

/** The phase before `phaseId`, if any: a selection there is for newcomers; grantees continue instead. */
export function previousPhase(
  phases: readonly GrantPhase[],
  phaseId: string | undefined,
): GrantPhase | undefined {
  const index = phaseId === undefined ? -1 : phases.findIndex((p) => p.phaseId === phaseId);
  return index > 0 ? phases[index - 1] : undefined;
}

export function issueGrantNotice(command: IssueGrantNotice, state: GrantState): GrantEvent[] {
  const grounds = noticeGrounds(command);
  if (state.status !== 'none') throw new GrantNoticeExists(grounds.grantId);
  const rules = command.rules as ResolvedRules;
  const amountCents = command.amountCents ?? grounds.selectedCents;
  if (amountCents === undefined) throw new AmountRequired();
  if (!(amountCents > 0)) throw new AmountNotPositive(amountCents);
  if (grounds.selectedCents !== undefined && amountCents > grounds.selectedCents)
    throw new AmountAboveSelection(amountCents, grounds.selectedCents);
  const { period } = command;
  if (period.from >= period.to) throw new GrantPeriodInvalid(period.from, period.to);
  if (grounds.continuedPeriodTo !== undefined && period.from <= grounds.continuedPeriodTo)
    throw new ContinuationPeriodOverlaps(period.from, grounds.continuedPeriodTo);
  const { settings, applied } = rules;
  const financing = financingPlan(command.financing, settings.sources);
  checkFinancing(financing, amountCents, settings.sources);
  if (!command.coordinator.name?.trim()) throw new CoordinatorMissing();
  return [
    {
      type: 'GrantNoticeIssued',
      data: {
        grantId: grounds.grantId,
        programmeId: grounds.programmeId,
        ags: command.ags,
        ...(grounds.applicationId ? { applicationId: grounds.applicationId } : {}),
        ...(grounds.callId ? { callId: grounds.callId } : {}),
        ...(grounds.continuationOf ? { continuationOf: grounds.continuationOf } : {}),
        ...(grounds.phaseId !== undefined ? { phaseId: grounds.phaseId } : {}),
        amountCents,
        period: { from: period.from, to: period.to },
        financing,
        conditions: [...command.conditions],
        coordinator: definedOnly(command.coordinator),
        rules: { ...applied },
        disbursementWindowMonths: settings.disbursementWindowMonths,
        interestPointsAboveBaseRate: settings.interestPointsAboveBaseRate,
        issuedAt: command.issuedAt,
      },
    },
  ];
}

/**
 * The plan as the notice records it: one entry per source of the terms, in their order, a source
 * not stated with 0 cents. A source the terms do not name, or one stated twice, is refused.
 */
export function financingPlan(
  requested: readonly SourceAmount[],
  sources: readonly GrantSource[],
): Financing {
  const seen = new Set<string>();
  for (const { sourceId } of requested) {
    if (!sources.some((s) => s.sourceId === sourceId))
      throw new FinancingSourceUnknown({ sourceId, sources: sources.map((s) => s.sourceId) });
    if (seen.has(sourceId)) throw new FinancingSourceTwice({ sourceId });
    seen.add(sourceId);
  }
  return sources.map(({ sourceId }) => ({
    sourceId,
    cents: requested.find((r) => r.sourceId === sourceId)?.cents ?? 0,
  }));
}

/**
 * The `grant`-kind sources = the grant's amount to the cent (own funds and third parties come on
 * top of it); each source's share, reckoned on the eligible total (all sources), within its
 * maximum and minimum percentages.
 */
export function checkFinancing(
  financing: Financing,
  amountCents: number,
  sources: readonly GrantSource[],
): void {
  const grantSources = sources.filter((s) => s.kind === 'grant');
  const cents = (sourceId: string) => financing.find((f) => f.sourceId === sourceId)?.cents ?? 0;
  const publicCents = grantSources.reduce((sum, s) => sum + cents(s.sourceId), 0);
  if (publicCents !== amountCents)
    throw new FinancingDoesNotAddUp({
      sumCents: publicCents,
      amountCents,
      grantSources: grantSources.map((s) => s.name),
    });
  // share / total ≤ percent / 100, compared crosswise in whole numbers (percent in hundredths,
  // should the terms ever carry a fraction) so that no rounding decides a case.
  const totalCents = totalEligibleCents(financing);
  const total = BigInt(totalCents);
  const scaled = (c: number) => BigInt(c) * 10_000n;
  const ofTotal = (percent: number) => BigInt(Math.round(percent * 100)) * total;
  const firstProgramme = takesV1Financing(sources);
  for (const source of sources) {
    const share = {
      sourceId: source.sourceId,
      sourceName: source.name,
      cents: cents(source.sourceId),
      totalEligibleCents: totalCents,
    };
    if (source.maxPercent !== undefined && scaled(share.cents) > ofTotal(source.maxPercent))
      throw shareExceeded({ ...share, percent: source.maxPercent }, firstProgramme);
  }
  for (const source of sources) {
    const share = {
      sourceId: source.sourceId,
      sourceName: source.name,
      cents: cents(source.sourceId),
      totalEligibleCents: totalCents,
    };
    if (source.minPercent !== undefined && scaled(share.cents) < ofTotal(source.minPercent))
      throw shareBelowMinimum({ ...share, percent: source.minPercent }, firstProgramme);
  }
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const issueGrantNoticeDecider: Decider<IssueGrantNotice, GrantEvent, GrantState> = {
  decide: issueGrantNotice,
  evolve: evolveGrant,
  initialState: initialGrantState,
};
