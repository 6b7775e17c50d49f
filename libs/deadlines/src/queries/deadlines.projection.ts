import type { Projection, RecordedEvent } from '@app/eventsourcing';
import { berlinDate } from '@app/shared';
import {
  DEADLINE_EVENT_TYPES,
  DEADLINE_KINDS,
  type DeadlineEvent,
  type DeadlineKind,
  type DeadlineStatus,
  type DeadlineSubject,
  normalizeOpened,
} from '../deadline';
import type { DeadlineSettings, DeadlineSettingsChanged } from '../deadline-settings';

/** A stretch of business time during which the deadline was open; `to` absent: still open. */
export interface OpenInterval {
  from: string;
  to?: string;
}

export interface DeadlineView {
  deadlineId: string;
  kind: DeadlineKind;
  programmeId?: string;
  subject: DeadlineSubject;
  obligedAgs: string[];
  status: DeadlineStatus;
  dueDate: string;
  lastDay: string;
  dueAt: string;
  fixed: boolean;
  reminderOffsetsDays: number[];
  openedAt: string;
  open: OpenInterval[];
  reminders: { offsetDays: number; remindAt: string; issuedAt: string; obligedAgs: string[] }[];
  extensions: { dueDate: string; dueAt: string; reason: string; by: string; extendedAt: string }[];
  /** Amendments of its subject while it ran (a published call's terms), each told to those obliged. */
  amendments?: { reason: string; changed: string[]; by: string; amendedAt: string }[];
  escalatedAt?: string;
  metAt?: string;
  missedAt?: string;
  cancelledAt?: string;
  revision: number;
}

export interface DeadlinesReadModel {
  byId: Map<string, DeadlineView>;
  /** AGS → ids of the deadlines it is obliged by. */
  byAgs: Map<string, Set<string>>;
  settings: Map<string, DeadlineSettings & { changedAt: string; changedBy: string }>;
}

function closeInterval(view: DeadlineView, at: string): void {
  const last = view.open[view.open.length - 1];
  if (last && last.to === undefined) last.to = at;
}

/** Whether the deadline was open at some moment of a Berlin calendar day. */
export function wasOpenOn(view: DeadlineView, date: string): boolean {
  return view.open.some(
    (interval) =>
      berlinDate(interval.from) <= date &&
      (interval.to === undefined || berlinDate(Date.parse(interval.to) - 1) >= date),
  );
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Values thousands of deadlines repeat, kept once: reminder ladders, single obliged
 * municipalities, kinds. Frozen, as they are shared; nothing changes them in place.
 */
const ladders = new Map<string, number[]>();
const obliged = new Map<string, string[]>();
const NO_EXTENSIONS: DeadlineView['extensions'] = Object.freeze([]) as unknown as DeadlineView['extensions'];

function sharedLadder(offsets: number[]): number[] {
  const key = offsets.join(',');
  let known = ladders.get(key);
  if (!known) ladders.set(key, (known = Object.freeze([...offsets]) as number[]));
  return known;
}

/** One-municipality lists (the usual case) shared; longer ones are kept as given. */
function sharedObliged(agsList: string[]): string[] {
  if (agsList.length !== 1) return agsList;
  let known = obliged.get(agsList[0]);
  if (!known) obliged.set(agsList[0], (known = Object.freeze([agsList[0]]) as string[]));
  return known;
}

export const deadlinesProjection: Projection<DeadlinesReadModel> = {
  name: 'deadlines',
  eventTypes: [...DEADLINE_EVENT_TYPES, 'DeadlineSettingsChanged'],
  initialState: () => ({ byId: new Map(), byAgs: new Map(), settings: new Map() }),
  apply(model, recorded: RecordedEvent) {
    if (recorded.type === 'DeadlineSettingsChanged' && recorded.streamId.startsWith('deadline-settings-')) {
      const { data } = recorded as unknown as DeadlineSettingsChanged;
      model.settings.set(data.programmeId, data);
      return model;
    }
    if (!recorded.streamId.startsWith('deadline-') || !DEADLINE_EVENT_TYPES.includes(recorded.type as never))
      return model;
    const event = recorded as unknown as DeadlineEvent;
    if (event.type === 'DeadlineOpened') {
      const {
        deadlineId,
        cause: _cause,
        ...data
      } = normalizeOpened(event.data, recorded.metadata.occurredAt);
      // `{ id, ...data, more }`, not `{ ...data, more }`: V8 gives each of the latter a hidden class
      // of its own, which for thousands of deadlines costs more than their data; the former share
      // one (same field order: the id leads the event's data too).
      const view: DeadlineView = {
        deadlineId,
        ...data,
        status: 'open',
        open: [{ from: data.openedAt }],
        reminders: [],
        extensions: NO_EXTENSIONS,
        revision: recorded.revision,
      };
      view.kind = DEADLINE_KINDS.find((k) => k === data.kind) ?? data.kind;
      view.obligedAgs = sharedObliged(data.obligedAgs);
      view.reminderOffsetsDays = sharedLadder(data.reminderOffsetsDays);
      model.byId.set(deadlineId, view);
      for (const ags of data.obligedAgs) {
        const ids = model.byAgs.get(ags) ?? new Set<string>();
        ids.add(deadlineId);
        model.byAgs.set(ags, ids);
      }
      return model;
    }
    const view = model.byId.get(event.data.deadlineId);
    if (!view) return model;
    view.revision = recorded.revision;
    switch (event.type) {
      case 'DeadlineReminderIssued': {
        const { offsetDays, remindAt, issuedAt } = event.data;
        // Usually the deadline's own list: shared rather than kept once more per reminder.
        const obligedAgs = sameList(event.data.obligedAgs, view.obligedAgs)
          ? view.obligedAgs
          : event.data.obligedAgs;
        // Concatenated, not pushed or spread: those reserve room for 16 more, and deadlines have few.
        const reminder = {
          offsetDays,
          remindAt,
          issuedAt: issuedAt === remindAt ? remindAt : issuedAt,
          obligedAgs,
        };
        view.reminders = view.reminders.concat([reminder]);
        break;
      }
      case 'DeadlineExtended': {
        const { dueDate, lastDay, dueAt, fixed, reason, by, extendedAt } = event.data;
        Object.assign(view, { dueDate, lastDay, dueAt, fixed });
        view.extensions = view.extensions.concat([{ dueDate, dueAt, reason, by, extendedAt }]);
        if (view.status === 'missed') view.open.push({ from: extendedAt });
        view.status = 'open';
        view.missedAt = undefined;
        break;
      }
      case 'DeadlineMet':
        if (view.status === 'open') closeInterval(view, event.data.metAt);
        view.status = 'met';
        view.metAt = event.data.metAt;
        break;
      case 'DeadlineMissed':
        closeInterval(view, event.data.missedAt);
        view.status = 'missed';
        view.missedAt = event.data.missedAt;
        break;
      case 'DeadlineEscalated':
        view.escalatedAt = event.data.at;
        break;
      case 'DeadlineCancelled':
        closeInterval(view, event.data.cancelledAt);
        view.status = 'cancelled';
        view.cancelledAt = event.data.cancelledAt;
        break;
      case 'DeadlineSubjectAmended': {
        const { reason, changed, by, amendedAt } = event.data;
        view.amendments = [...(view.amendments ?? []), { reason, changed, by, amendedAt }];
        break;
      }
    }
    return model;
  },
};
