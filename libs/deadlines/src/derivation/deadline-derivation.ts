import type { RecordedEvent } from '@app/eventsourcing';
import { type BusinessCalendar, type DeadlineEnd, lastDayAfterMonths } from '@app/shared';
import {
  DEADLINE_EVENT_TYPES,
  type DeadlineEvent,
  type DeadlineKind,
  type DeadlineOpenedData,
  type DeadlineSubject,
  evolveDeadline,
  type KnownDeadline,
  normalizeOpened,
  UNSHIFTED_KINDS,
} from '../deadline';
import {
  type DeadlineSettings,
  type DeadlineSettingsChanged,
  defaultDeadlineSettings,
} from '../deadline-settings';
import { obligeLeadApplicant, releaseLeadApplicant } from './applicant-obligations';
import { deadlineIdFor } from './deadline-id';
import {
  noteResolutionDue,
  type ResolutionRound,
  resolutionDeadlineId,
  withdrawResolutionsDue,
} from './resolution-rounds';
import { DEFAULT_PROOF_OF_USE_MONTHS, RESOLUTION_RESULTS_THAT_MEET, type SourceEvent } from './source-events';

import type { Amendment } from '../extend-deadline/announce-amendment.decide';
import type { Move } from '../extend-deadline/follow-cause.decide';

export { deadlineIdFor } from './deadline-id';
export { type DerivationEffect, effectsFor, outstandingDeadlineIds } from './derivation-effects';

export interface Fulfilment {
  metAt: string;
  by: string;
}

/** A municipality the history obliges by a deadline after its opening (a lead applicant's draft). */
export interface WantedObligation {
  ags: string;
  applicationId: string;
  cause: string;
  addedAt: string;
  /** Its submission, once made. */
  met?: Fulfilment;
}

/** The cause took the obligation back (a selection corrected away from "selected"). */
export interface Withdrawal {
  reason: string;
  cause: string;
  at: string;
}

/**
 * What the history asks of the deadline manager, folded from `$all` alone: the deadlines every
 * obligation calls for, the fulfilments seen, and the deadlines as their own streams tell them.
 * The manager's effects are the difference (see `effectsFor`), so a replay from position 0 asks
 * for nothing that was already done.
 */
export interface DerivationState {
  calls: Map<
    string,
    {
      programmeId: string;
      closingDate: string;
      closesAt: string;
      closing?: { lastDay: string; rule: string };
    }
  >;
  /** Deadlines whose cause moved them to a later end (a call's closing extended). */
  moves: Map<string, Move>;
  /** Amendments of a running deadline's subject (a published call's terms), in order. */
  amendments: Map<string, Amendment[]>;
  settings: Map<string, DeadlineSettings>;
  /** programmeId → rules version → proof-of-use months. */
  proofOfUseMonths: Map<string, Map<number, number>>;
  /** Deadlines the history calls for that have no stream yet. */
  toOpen: Map<string, DeadlineOpenedData>;
  /** Fulfilments not yet recorded as DeadlineMet. */
  fulfilments: Map<string, Fulfilment>;
  /** deadlineId → AGS → obligation, for kinds that oblige applicants as they draft. */
  obligations: Map<string, Map<string, WantedObligation>>;
  /** applicationId → the call-closes deadline and lead it obliges. */
  applications: Map<string, { deadlineId: string; ags: string }>;
  /** Withdrawals not yet recorded as DeadlineCancelled. */
  withdrawals: Map<string, Withdrawal>;
  /** applicationId → AGS → which council-resolution-due deadline is in force for it. */
  resolutionDeadlines: Map<string, Map<string, ResolutionRound>>;
  deadlines: Map<string, KnownDeadline>;
}

export function initialDerivationState(): DerivationState {
  return {
    calls: new Map(),
    settings: new Map(),
    proofOfUseMonths: new Map(),
    toOpen: new Map(),
    fulfilments: new Map(),
    obligations: new Map(),
    applications: new Map(),
    withdrawals: new Map(),
    moves: new Map(),
    amendments: new Map(),
    resolutionDeadlines: new Map(),
    deadlines: new Map(),
  };
}

type Want = Omit<
  DeadlineOpenedData,
  'dueDate' | 'lastDay' | 'dueAt' | 'fixed' | 'reminderOffsetsDays' | 'cause' | 'openedAt'
> & {
  end: DeadlineEnd;
};

/**
 * Folds one event in; returns the ids of the deadlines it concerns, so that the live manager
 * looks only at those. Updates the maps in place (the state is large), deterministically.
 */
export function applyToDerivation(
  state: DerivationState,
  recorded: RecordedEvent,
  calendar: BusinessCalendar,
): string[] {
  if (recorded.streamId.startsWith('deadline-settings-') && recorded.type === 'DeadlineSettingsChanged') {
    const { programmeId, reminderOffsetsDays, timeZone, fixedDates } = (
      recorded as unknown as DeadlineSettingsChanged
    ).data;
    state.settings.set(programmeId, { programmeId, reminderOffsetsDays, timeZone, fixedDates });
    return [];
  }
  if (recorded.streamId.startsWith('deadline-') && DEADLINE_EVENT_TYPES.includes(recorded.type as never)) {
    const event = recorded as unknown as DeadlineEvent;
    if (event.type === 'DeadlineOpened') {
      return applyDeadlineEvent(state, {
        type: 'DeadlineOpened',
        data: normalizeOpened(event.data, recorded.metadata.occurredAt),
      });
    }
    return applyDeadlineEvent(state, event);
  }
  const event = recorded as unknown as SourceEvent;
  const settingsFor = (programmeId: string) =>
    state.settings.get(programmeId) ?? defaultDeadlineSettings(programmeId);
  const endFor = (programmeId: string, dueDate: string, kind: DeadlineKind) =>
    calendar.deadlineEnd(dueDate, {
      fixed: UNSHIFTED_KINDS.includes(kind) || settingsFor(programmeId).fixedDates.includes(dueDate),
    });
  const want = (w: Want): string => {
    if (state.deadlines.has(w.deadlineId) || state.toOpen.has(w.deadlineId)) return w.deadlineId;
    const { end, ...rest } = w;
    state.toOpen.set(w.deadlineId, {
      ...rest,
      dueDate: end.dueDate,
      lastDay: end.lastDay,
      dueAt: end.dueAt,
      fixed: end.fixed,
      reminderOffsetsDays: settingsFor(w.programmeId ?? '').reminderOffsetsDays,
      cause: recorded.metadata.eventId,
      openedAt: recorded.metadata.occurredAt,
    });
    return w.deadlineId;
  };
  const fulfil = (deadlineId: string, metAt: string): string[] => {
    if (!state.fulfilments.has(deadlineId))
      state.fulfilments.set(deadlineId, { metAt, by: recorded.metadata.eventId });
    return [deadlineId];
  };
  const resolutionsDue = (
    data: { applicationId: string; callId: string; programmeId: string },
    due: { ags: string[]; dueDate: string },
  ): string[] =>
    due.ags.map((ags) =>
      want({
        deadlineId: noteResolutionDue(state, data.applicationId, ags),
        kind: 'council-resolution-due',
        programmeId: data.programmeId,
        subject: { applicationId: data.applicationId, callId: data.callId },
        obligedAgs: [ags],
        end: endFor(data.programmeId, due.dueDate, 'council-resolution-due'),
      }),
    );
  switch (event.type) {
    case 'CallDrafted':
      state.calls.set(event.data.callId, event.data);
      return [];
    case 'CallPublished': {
      const call = state.calls.get(event.data.callId);
      if (!call) return [];
      // The call states the instant it closes (its own closing rule applied), and submissions are
      // refused by it: the deadline's calendar never shifts it again.
      const end = callEnd(call);
      return [
        want({
          deadlineId: deadlineIdFor('call-closes', event.data.callId),
          kind: 'call-closes',
          programmeId: call.programmeId,
          subject: { callId: event.data.callId },
          obligedAgs: [],
          end,
        }),
      ];
    }
    case 'CallClosingExtended': {
      const call = state.calls.get(event.data.callId);
      if (!call) return [];
      const { closing, closesAt, reason, extendedBy, extendedAt } = event.data;
      const moved = { ...call, closingDate: closing.date, closesAt, closing };
      state.calls.set(event.data.callId, moved);
      const deadlineId = deadlineIdFor('call-closes', event.data.callId);
      const end = callEnd(moved);
      const pending = state.toOpen.get(deadlineId);
      // Extended before its deadline was recorded: it opens with the new end.
      if (pending) state.toOpen.set(deadlineId, { ...pending, ...end });
      // And if the opening was written meanwhile (with the old end) but is not folded in yet, the
      // deadline follows once it is: the move asks for nothing where the deadline ends there.
      state.moves.set(deadlineId, {
        end,
        reason,
        by: extendedBy,
        cause: recorded.metadata.eventId,
        at: extendedAt,
      });
      return [deadlineId];
    }
    case 'CallAmended': {
      if (!state.calls.has(event.data.callId)) return [];
      const deadlineId = deadlineIdFor('call-closes', event.data.callId);
      const { reason, amendedBy, amendedAt, changes } = event.data;
      const amendment = {
        reason,
        changed: Object.keys(changes ?? {}),
        by: amendedBy,
        cause: recorded.metadata.eventId,
        at: amendedAt,
      };
      state.amendments.set(deadlineId, [...(state.amendments.get(deadlineId) ?? []), amendment]);
      return [deadlineId];
    }
    case 'ExpressionOfInterestDrafted':
      return obligeLeadApplicant(state, event.data, recorded);
    case 'ExpressionOfInterestSubmitted':
      return releaseLeadApplicant(state, event.data.applicationId, recorded);
    case 'ProgrammeRulesAdopted': {
      const months = event.data.rules?.proofOfUseMonths;
      if (months === undefined) return [];
      const versions = state.proofOfUseMonths.get(event.data.programmeId) ?? new Map<number, number>();
      versions.set(event.data.version, months);
      state.proofOfUseMonths.set(event.data.programmeId, versions);
      return [];
    }
    case 'SubmissionSelected': {
      const due = event.data.councilResolutionDue;
      return due ? resolutionsDue(event.data, due) : [];
    }
    case 'SelectionDecisionCorrected': {
      const { data } = event;
      if (data.outcome === 'selected')
        return data.councilResolutionDue ? resolutionsDue(data, data.councilResolutionDue) : [];
      if (data.corrects !== 'selected') return [];
      const reasons = (data.reasons ?? []).join('; ');
      return withdrawResolutionsDue(state, data.applicationId, {
        reason: `Auswahlentscheidung korrigiert (${data.corrects} → ${data.outcome})${reasons ? `: ${reasons}` : ''}`,
        cause: recorded.metadata.eventId,
        at: recorded.metadata.occurredAt,
      });
    }
    case 'CouncilResolutionRecorded':
    case 'CouncilResolutionCorrected':
      if (!RESOLUTION_RESULTS_THAT_MEET.includes(event.data.result)) return [];
      return fulfil(
        resolutionDeadlineId(state, event.data.applicationId, event.data.ags),
        recorded.metadata.occurredAt,
      );
    case 'ReportPeriodOpened': {
      const { reportId, grantId, programmeId, ags, dueDate } = event.data;
      return [
        want({
          deadlineId: deadlineIdFor('esf-report-due', reportId),
          kind: 'esf-report-due',
          programmeId,
          subject: { reportId, grantId },
          obligedAgs: [ags],
          end: endFor(programmeId, dueDate, 'esf-report-due'),
        }),
      ];
    }
    case 'ReportSubmitted':
      return fulfil(deadlineIdFor('esf-report-due', event.data.reportId), recorded.metadata.occurredAt);
    case 'GrantNoticeIssued': {
      const { grantId, programmeId, ags, period } = event.data;
      const months =
        state.proofOfUseMonths.get(programmeId)?.get(event.data.rules?.version ?? 0) ??
        DEFAULT_PROOF_OF_USE_MONTHS;
      const subject: DeadlineSubject = { grantId };
      return [
        // A funding period ends on its stated day, weekend or not.
        want({
          deadlineId: deadlineIdFor('phase-ends', grantId),
          kind: 'phase-ends',
          programmeId,
          subject,
          obligedAgs: [ags],
          end: endFor(programmeId, period.to, 'phase-ends'),
        }),
        want({
          deadlineId: deadlineIdFor('proof-of-use-due', grantId),
          kind: 'proof-of-use-due',
          programmeId,
          subject,
          obligedAgs: [ags],
          end: endFor(programmeId, lastDayAfterMonths(period.to, months), 'proof-of-use-due'),
        }),
      ];
    }
    case 'ProofOfUseSubmitted':
      return fulfil(deadlineIdFor('proof-of-use-due', event.data.grantId), recorded.metadata.occurredAt);
    case 'SurveyCreated': {
      const { surveyId, programmeId, window, recipients } = event.data;
      // The window closes when the evaluation context stops taking answers, to the instant.
      const end = endFor(programmeId, window.closesOn, 'survey-closes');
      if (window.closesAt) end.dueAt = window.closesAt;
      return recipients.map((ags) =>
        want({
          deadlineId: deadlineIdFor('survey-closes', surveyId, ags),
          kind: 'survey-closes',
          programmeId,
          subject: { surveyId },
          obligedAgs: [ags],
          end,
        }),
      );
    }
    case 'SurveyAnswerSubmitted':
      return fulfil(
        deadlineIdFor('survey-closes', event.data.surveyId, event.data.ags),
        recorded.metadata.occurredAt,
      );
    default:
      return [];
  }
}

function applyDeadlineEvent(state: DerivationState, event: DeadlineEvent): string[] {
  const id = event.data.deadlineId;
  const before = state.deadlines.get(id) ?? { status: 'none' as const };
  const after = evolveDeadline(before, event);
  if (after.status === 'none') return [id];
  state.deadlines.set(id, after);
  if (event.type === 'DeadlineOpened') state.toOpen.delete(id);
  if (after.status === 'met' || after.status === 'cancelled') {
    state.fulfilments.delete(id);
    state.withdrawals.delete(id);
  }
  return [id];
}

/** The end of a call's closing deadline: the day stated, the last day after its closing rule, its instant. */
function callEnd(call: {
  closingDate: string;
  closesAt: string;
  closing?: { lastDay: string; rule: string };
}): DeadlineEnd {
  const shifted = call.closing?.rule === 'statutory-shift';
  return {
    dueDate: call.closingDate,
    lastDay: call.closing?.lastDay ?? call.closingDate,
    dueAt: call.closesAt,
    fixed: !shifted,
  };
}
