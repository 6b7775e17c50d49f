import { deterministicUuid, isValidId, type RecordedEvent } from '@app/eventsourcing';
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
} from '../deadline';
import {
  type DeadlineSettings,
  type DeadlineSettingsChanged,
  defaultDeadlineSettings,
} from '../deadline-settings';
import { DEFAULT_PROOF_OF_USE_MONTHS, RESOLUTION_RESULTS_THAT_MEET, type SourceEvent } from './source-events';

export interface Fulfilment {
  metAt: string;
  by: string;
}

/**
 * What the history asks of the deadline manager, folded from `$all` alone: the deadlines every
 * obligation calls for, the fulfilments seen, and the deadlines as their own streams tell them.
 * The manager's effects are the difference (see `effectFor`), so a replay from position 0 asks
 * for nothing that was already done.
 */
export interface DerivationState {
  calls: Map<string, { programmeId: string; closingDate: string; closesAt: string }>;
  settings: Map<string, DeadlineSettings>;
  /** programmeId → rules version → proof-of-use months. */
  proofOfUseMonths: Map<string, Map<number, number>>;
  /** Deadlines the history calls for that have no stream yet. */
  toOpen: Map<string, DeadlineOpenedData>;
  /** Fulfilments not yet recorded as DeadlineMet. */
  fulfilments: Map<string, Fulfilment>;
  deadlines: Map<string, KnownDeadline>;
}

export function initialDerivationState(): DerivationState {
  return {
    calls: new Map(),
    settings: new Map(),
    proofOfUseMonths: new Map(),
    toOpen: new Map(),
    fulfilments: new Map(),
    deadlines: new Map(),
  };
}

/** `<kind>.<subject parts>`; a subject too long for an id is replaced by its digest. */
export function deadlineIdFor(kind: DeadlineKind, ...parts: string[]): string {
  const id = [kind, ...parts].join('.');
  return isValidId(id) ? id : `${kind}.${deterministicUuid(parts.join('|'))}`;
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
  const endFor = (programmeId: string, dueDate: string, fixed = false) =>
    calendar.deadlineEnd(dueDate, { fixed: fixed || settingsFor(programmeId).fixedDates.includes(dueDate) });
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
  switch (event.type) {
    case 'CallDrafted':
      state.calls.set(event.data.callId, event.data);
      return [];
    case 'CallPublished': {
      const call = state.calls.get(event.data.callId);
      if (!call) return [];
      // The call states the instant it closes, and submissions are refused by it: never shifted.
      const end = { dueDate: call.closingDate, lastDay: call.closingDate, dueAt: call.closesAt, fixed: true };
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
      if (!due) return [];
      const { applicationId, callId, programmeId } = event.data;
      return due.ags.map((ags) =>
        want({
          deadlineId: deadlineIdFor('council-resolution-due', applicationId, ags),
          kind: 'council-resolution-due',
          programmeId,
          subject: { applicationId, callId },
          obligedAgs: [ags],
          end: endFor(programmeId, due.dueDate),
        }),
      );
    }
    case 'CouncilResolutionRecorded':
    case 'CouncilResolutionCorrected':
      if (!RESOLUTION_RESULTS_THAT_MEET.includes(event.data.result)) return [];
      return fulfil(
        deadlineIdFor('council-resolution-due', event.data.applicationId, event.data.ags),
        recorded.metadata.occurredAt,
      );
    case 'EsfReportPeriodOpened': {
      const { reportId, grantId, programmeId, ags, dueDate } = event.data;
      return [
        want({
          deadlineId: deadlineIdFor('esf-report-due', reportId),
          kind: 'esf-report-due',
          programmeId,
          subject: { reportId, grantId },
          obligedAgs: [ags],
          end: endFor(programmeId, dueDate),
        }),
      ];
    }
    case 'EsfReportSubmitted':
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
          end: endFor(programmeId, period.to, true),
        }),
        want({
          deadlineId: deadlineIdFor('proof-of-use-due', grantId),
          kind: 'proof-of-use-due',
          programmeId,
          subject,
          obligedAgs: [ags],
          end: endFor(programmeId, lastDayAfterMonths(period.to, months)),
        }),
      ];
    }
    case 'SurveyCreated': {
      const { surveyId, programmeId, window, recipients } = event.data;
      return recipients.map((ags) =>
        want({
          deadlineId: deadlineIdFor('survey-closes', surveyId, ags),
          kind: 'survey-closes',
          programmeId,
          subject: { surveyId },
          obligedAgs: [ags],
          end: endFor(programmeId, window.closesOn),
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
  if (event.type === 'DeadlineMet') state.fulfilments.delete(id);
  return [id];
}

export type DerivationEffect =
  { kind: 'open'; opened: DeadlineOpenedData } | { kind: 'meet'; deadlineId: string; fulfilment: Fulfilment };

/** What the history still asks for one deadline: to be opened, or to be recorded as met. */
export function effectFor(state: DerivationState, deadlineId: string): DerivationEffect | undefined {
  const known = state.deadlines.get(deadlineId);
  if (!known) {
    const opened = state.toOpen.get(deadlineId);
    return opened && { kind: 'open', opened };
  }
  const fulfilment = state.fulfilments.get(deadlineId);
  if (fulfilment && (known.status === 'open' || known.status === 'missed'))
    return { kind: 'meet', deadlineId, fulfilment };
  return undefined;
}

/** Every deadline with something outstanding: what reconciliation looks at. */
export function outstandingDeadlineIds(state: DerivationState): string[] {
  return [...new Set([...state.toOpen.keys(), ...state.fulfilments.keys()])];
}
