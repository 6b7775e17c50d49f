import { type DomainEvent, streamName } from '@app/eventsourcing';
import type { AppliedRules } from '../grant';

/**
 * The selection's outcome for one application, read from `selection-<applicationId>` by the
 * event contract (docs/events.md) rather than by the selection context's code: grants depends
 * on the facts, not on how selection is built. Events it does not know are passed over.
 */
export type SelectionOutcome = 'none' | 'selected' | 'rejected' | 'waitlisted';

export interface SelectionDecision {
  outcome: SelectionOutcome;
  callId?: string;
  programmeId?: string;
  /** The lead applicant. */
  ags?: string;
  members: string[];
  /** The amount the selection granted; kept over a correction that names none. */
  amountCents?: number;
  rules?: AppliedRules;
}

type DecisionData = {
  applicationId: string;
  callId: string;
  programmeId: string;
  ags: string;
  members?: string[];
  amountCents?: number;
  rules?: AppliedRules;
};

type SelectionContractEvent =
  | DomainEvent<'SubmissionSelected', DecisionData & { amountCents: number }>
  | DomainEvent<'SubmissionRejected' | 'SubmissionWaitlisted', DecisionData>
  | DomainEvent<
      'SelectionDecisionCorrected',
      Partial<DecisionData> & { applicationId: string; outcome: 'selected' | 'rejected' | 'waitlisted' }
    >;

export const selectionStream = (applicationId: string) => streamName('selection', applicationId);

export function initialSelectionDecision(): SelectionDecision {
  return { outcome: 'none', members: [] };
}

export function evolveSelectionDecision(state: SelectionDecision, event: DomainEvent): SelectionDecision {
  const e = event as SelectionContractEvent;
  switch (e.type) {
    case 'SubmissionSelected':
    case 'SubmissionRejected':
    case 'SubmissionWaitlisted': {
      const { callId, programmeId, ags, members, amountCents, rules } = e.data;
      return {
        outcome:
          e.type === 'SubmissionSelected'
            ? 'selected'
            : e.type === 'SubmissionRejected'
              ? 'rejected'
              : 'waitlisted',
        callId,
        programmeId,
        ags,
        members: members ?? [],
        amountCents: amountCents ?? state.amountCents,
        rules: rules ?? state.rules,
      };
    }
    case 'SelectionDecisionCorrected': {
      // The contract requires only outcome and amount; what else a correction carries refreshes the facts.
      const { outcome, callId, programmeId, ags, members, amountCents, rules } = e.data;
      return {
        outcome,
        callId: callId ?? state.callId,
        programmeId: programmeId ?? state.programmeId,
        ags: ags ?? state.ags,
        members: members ?? state.members,
        amountCents: amountCents ?? state.amountCents,
        rules: rules ?? state.rules,
      };
    }
    default:
      return state;
  }
}

export const selectionDecisionFold = {
  evolve: evolveSelectionDecision,
  initialState: initialSelectionDecision,
};
