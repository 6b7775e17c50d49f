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
  EsfShareExceeded,
  FinancingDoesNotAddUp,
  GranteeNotSelectedApplicant,
  GrantNoticeExists,
  GrantPeriodInvalid,
  LandShareExceeded,
  OwnShareTooLow,
  PhaseNotOfCall,
  RulesVersionUnknown,
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
  type Phase,
  totalEligibleCents,
} from '../grant';
import type { FinancingLimits, ResolvedRules } from '../grant-settings';
import type { SelectionDecision } from '../outside-facts/selection-decision';

/** What a notice rests on: a selection in a call, or the grant of the previous phase it continues. */
export type NoticeBasis =
  | {
      kind: 'selection';
      applicationId: string;
      selection: SelectionDecision;
      /** The phase the selection's call was for (a call without one is a phase-I call). */
      callPhase: number;
      /** The municipality's grant of the previous phase, if it holds one. */
      previousPhaseGrant?: { grantId: string; state: GrantState };
    }
  | { kind: 'continuation'; continuationOf: string; continued: GrantState };

export interface IssueGrantNotice {
  phase: Phase;
  ags: string;
  basis: NoticeBasis;
  amountCents?: number;
  period: GrantPeriod;
  financing: Financing;
  conditions: string[];
  coordinator: Coordinator;
  /** Undefined when the selection names a rules version the programme does not know. */
  rules: ResolvedRules | undefined;
  issuedAt: string;
}

interface Grounds {
  programmeId: string;
  grantId: string;
  applicationId?: string;
  callId?: string;
  continuationOf?: string;
  selectedCents?: number;
  continuedPeriodTo?: string;
}

/**
 * Whether the basis carries a notice for this municipality and phase, and for which programme:
 * phase-I municipalities continue into phase II by continuation, newcomers enter by the new call.
 */
export function noticeGrounds({
  basis,
  ags,
  phase,
}: Pick<IssueGrantNotice, 'basis' | 'ags' | 'phase'>): Grounds {
  if (basis.kind === 'selection') {
    const { selection, applicationId } = basis;
    if (selection.outcome !== 'selected' || !selection.programmeId || !selection.ags)
      throw new ApplicantNotSelected(applicationId, selection.outcome);
    if (selection.ags !== ags) throw new GranteeNotSelectedApplicant(ags, selection.ags);
    if (basis.callPhase !== phase) throw new PhaseNotOfCall(phase, basis.callPhase);
    const previous = basis.previousPhaseGrant;
    if (previous && previous.state.status === 'issued') throw new ContinuationRequired(previous.grantId);
    return {
      programmeId: selection.programmeId,
      grantId: grantIdFor(selection.programmeId, phase, ags),
      applicationId,
      callId: selection.callId,
      selectedCents: selection.amountCents,
    };
  }
  const { continued, continuationOf } = basis;
  if (continued.status === 'none') throw new ContinuedGrantUnknown(continuationOf);
  const notice = continued.notice;
  if (notice.ags !== ags) throw new ContinuationOfOtherMunicipality(ags, notice.ags);
  if (phase !== notice.phase + 1) throw new ContinuationPhaseMismatch(phase, notice.phase);
  if (continued.status === 'revoked') throw new ContinuedGrantRevoked(continuationOf);
  return {
    programmeId: notice.programmeId,
    grantId: grantIdFor(notice.programmeId, phase, ags),
    continuationOf,
    continuedPeriodTo: notice.period.to,
  };
}

export function issueGrantNotice(command: IssueGrantNotice, state: GrantState): GrantEvent[] {
  const grounds = noticeGrounds(command);
  if (state.status !== 'none') throw new GrantNoticeExists(grounds.grantId);
  if (!command.rules) {
    const basis = command.basis;
    throw new RulesVersionUnknown(basis.kind === 'selection' ? (basis.selection.rules?.version ?? 0) : 0);
  }
  const amountCents = command.amountCents ?? grounds.selectedCents;
  if (amountCents === undefined) throw new AmountRequired();
  if (!(amountCents > 0)) throw new AmountNotPositive(amountCents);
  if (grounds.selectedCents !== undefined && amountCents > grounds.selectedCents)
    throw new AmountAboveSelection(amountCents, grounds.selectedCents);
  const { period } = command;
  if (period.from >= period.to) throw new GrantPeriodInvalid(period.from, period.to);
  if (grounds.continuedPeriodTo !== undefined && period.from <= grounds.continuedPeriodTo)
    throw new ContinuationPeriodOverlaps(period.from, grounds.continuedPeriodTo);
  checkFinancing(command.financing, amountCents, command.rules.settings.financing);
  if (!command.coordinator.name?.trim()) throw new CoordinatorMissing();
  const { settings, applied } = command.rules;
  return [
    {
      type: 'GrantNoticeIssued',
      data: {
        grantId: grounds.grantId,
        programmeId: grounds.programmeId,
        phase: command.phase,
        ags: command.ags,
        ...(grounds.applicationId ? { applicationId: grounds.applicationId } : {}),
        ...(grounds.callId ? { callId: grounds.callId } : {}),
        ...(grounds.continuationOf ? { continuationOf: grounds.continuationOf } : {}),
        amountCents,
        period: { from: period.from, to: period.to },
        financing: { ...command.financing },
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
 * ESF + Land = the grant's amount to the cent (own funds come on top of it); each share, reckoned
 * on the eligible total (ESF + Land + own funds), within the rules' percentages.
 */
export function checkFinancing(financing: Financing, amountCents: number, limits: FinancingLimits): void {
  const { esfCents, landCents, ownCents } = financing;
  const publicCents = esfCents + landCents;
  if (publicCents !== amountCents) throw new FinancingDoesNotAddUp(publicCents, amountCents);
  // share / total ≤ percent / 100, compared crosswise in whole numbers (percent in hundredths,
  // should a rules version ever carry a fraction) so that no rounding decides a case.
  const totalCents = totalEligibleCents(financing);
  const total = BigInt(totalCents);
  const scaled = (cents: number) => BigInt(cents) * 10_000n;
  const ofTotal = (percent: number) => BigInt(Math.round(percent * 100)) * total;
  if (scaled(esfCents) > ofTotal(limits.esfMaxPercent))
    throw new EsfShareExceeded(limits.esfMaxPercent, esfCents, totalCents);
  if (scaled(landCents) > ofTotal(limits.landMaxPercent))
    throw new LandShareExceeded(limits.landMaxPercent, landCents, totalCents);
  if (scaled(ownCents) < ofTotal(limits.ownMinPercent))
    throw new OwnShareTooLow(limits.ownMinPercent, ownCents, totalCents);
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const issueGrantNoticeDecider: Decider<IssueGrantNotice, GrantEvent, GrantState> = {
  decide: issueGrantNotice,
  evolve: evolveGrant,
  initialState: initialGrantState,
};
