import type { Projection, RecordedEvent } from '@app/eventsourcing';
import { berlinDate } from '@app/shared';
import {
  DEADLINE_EVENT_TYPES,
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

export const deadlinesProjection: Projection<DeadlinesReadModel> = {
  name: 'deadlines',
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
      const { cause: _cause, ...data } = normalizeOpened(event.data, recorded.metadata.occurredAt);
      model.byId.set(data.deadlineId, {
        ...data,
        status: 'open',
        open: [{ from: data.openedAt }],
        reminders: [],
        extensions: [],
        revision: recorded.revision,
      });
      for (const ags of data.obligedAgs) {
        const ids = model.byAgs.get(ags) ?? new Set<string>();
        ids.add(data.deadlineId);
        model.byAgs.set(ags, ids);
      }
      return model;
    }
    const view = model.byId.get(event.data.deadlineId);
    if (!view) return model;
    view.revision = recorded.revision;
    switch (event.type) {
      case 'DeadlineReminderIssued': {
        const { offsetDays, remindAt, issuedAt, obligedAgs } = event.data;
        view.reminders.push({ offsetDays, remindAt, issuedAt, obligedAgs });
        break;
      }
      case 'DeadlineExtended': {
        const { dueDate, lastDay, dueAt, fixed, reason, by, extendedAt } = event.data;
        Object.assign(view, { dueDate, lastDay, dueAt, fixed });
        view.extensions.push({ dueDate, dueAt, reason, by, extendedAt });
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
    }
    return model;
  },
};
