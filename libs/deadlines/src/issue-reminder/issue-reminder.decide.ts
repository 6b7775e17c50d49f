import type { Decider } from '@app/eventsourcing';
import {
  addresseesAt,
  type DeadlineEvent,
  type DeadlineState,
  evolveDeadline,
  initialDeadlineState,
  partiesOf,
} from '../deadline';
import { FiringTooEarly } from '../firing-too-early';
import { reminderMoment } from '../firings';

export interface IssueReminder {
  deadlineId: string;
  offsetDays: number;
  /** The due moment the reminder was planned for. */
  dueAt: string;
  now: string;
}

/**
 * A reminder goes out once per rung of the ladder and due moment, while the deadline is open and
 * not yet due. It is not sent if it was planned before the deadline was opened or extended, nor
 * when a closer reminder is already due (after an outage, only the freshest one goes out). It
 * names whom it reminds: for a call's closing, the lead applicants obliged since before its
 * moment and not yet submitted; with none left, nothing is sent.
 */
export function issueReminder(command: IssueReminder, state: DeadlineState): DeadlineEvent[] {
  if (state.status !== 'open') return [];
  const { deadline } = state;
  const { offsetDays, dueAt } = command;
  if (deadline.dueAt !== dueAt || !deadline.reminderOffsetsDays.includes(offsetDays)) return [];
  if (state.reminders.some((r) => r.offsetDays === offsetDays && r.dueAt === dueAt)) return [];
  const remindAt = reminderMoment(deadline.lastDay, offsetDays);
  const now = Date.parse(command.now);
  if (now < Date.parse(remindAt)) throw new FiringTooEarly(deadline.deadlineId, remindAt, command.now);
  if (Date.parse(remindAt) < Date.parse(state.since) || now >= Date.parse(dueAt)) return [];
  const superseded = deadline.reminderOffsetsDays.some((closer) => {
    if (closer >= offsetDays) return false;
    const at = Date.parse(reminderMoment(deadline.lastDay, closer));
    return at <= now && at >= Date.parse(state.since);
  });
  if (superseded) return [];
  const addressees = addresseesAt(state, remindAt);
  if (addressees === null) return [];
  return [
    {
      type: 'DeadlineReminderIssued',
      data: {
        ...partiesOf(deadline),
        obligedAgs: addressees,
        deadlineId: deadline.deadlineId,
        offsetDays,
        dueDate: deadline.dueDate,
        dueAt,
        remindAt,
        issuedAt: command.now,
      },
    },
  ];
}

export const issueReminderDecider: Decider<IssueReminder, DeadlineEvent, DeadlineState> = {
  decide: issueReminder,
  evolve: evolveDeadline,
  initialState: initialDeadlineState,
};
