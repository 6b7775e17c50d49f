import { type Amendment, announceAmendmentDecider } from '../extend-deadline/announce-amendment.decide';
import {
  type Actor,
  type CommandContext,
  type CommandInBatch,
  deterministicUuid,
  type EventStore,
  FoldedStreams,
  runCommand,
  runCommands,
  SCHEMA_VERSION,
  streamName,
} from '@app/eventsourcing';
import {
  DEADLINE_MANAGER_SUBJECT,
  type DeadlineEvent,
  type DeadlineOpenedData,
  type DeadlineState,
  deadlineStream,
} from '../deadline';
import type { Fulfilment, WantedObligation, Withdrawal } from '../derivation/deadline-derivation';
import type { Firing } from '../firings';
import { issueReminderDecider } from '../issue-reminder/issue-reminder.decide';
import { meetDeadlineDecider } from '../meet-deadline/meet-deadline.decide';
import { openDeadlineDecider } from '../open-deadline/open-deadline.decide';
import { passDueMomentDecider } from '../pass-due-moment/pass-due-moment.decide';
import {
  type RecordObligation,
  recordObligationDecider,
} from '../record-obligation/record-obligation.decide';
import { withdrawDeadlineDecider } from '../withdraw-deadline/withdraw-deadline.decide';
import { followCauseDecider, type Move } from '../extend-deadline/follow-cause.decide';
import { appendOnce } from '@app/eventsourcing';

/** Deadlines whose folded state the recorder keeps (the least recently written are forgotten). */
const DEADLINES_KEPT = 10_000;

/** A deadline's state folded from its stream's events up to `revision`. */
export interface KnownRevision {
  state: DeadlineState;
  revision: number;
}

/**
 * An obligation recorded (for `add`) or recorded as met (for `meet`) stays so: the manager, which
 * asks again for effects it has not yet seen stored, gets its answer from the kept state without
 * a read. Nothing else about "nothing to record" is final (a deadline closed may be extended).
 */
function obligationSettled(command: RecordObligation, state: DeadlineState): boolean {
  if (state.status === 'none') return false;
  const recorded = state.obligations.find((o) => o.ags === command.ags);
  return command.change === 'add' ? recorded !== undefined : recorded?.metAt !== undefined;
}

export const DEADLINE_MANAGER: Actor = { subject: DEADLINE_MANAGER_SUBJECT, role: 'system' };

/**
 * Writes what the deadline manager and the firings decide. Every effect carries a command id
 * derived from its cause (the obligation's event, the fulfilling event, the BullMQ job), and the
 * event ids follow from it: a replay, a retried job or a second worker records nothing twice.
 */
export class DeadlineRecorder {
  /**
   * Deadline streams' folded state: a call's deadline gains an obligation with every expression
   * of interest drafted and loses one with every submission, so reading and folding its whole
   * stream for each would grow with the call (quadratic over its applications).
   */
  private readonly states = new FoldedStreams(DEADLINES_KEPT);

  constructor(private readonly store: EventStore) {}

  /** Returns whether anything was written. */
  async open(opened: DeadlineOpenedData): Promise<boolean> {
    const outcome = await runCommand(
      this.store,
      deadlineStream(opened.deadlineId),
      openDeadlineDecider,
      { opened },
      this.context(`deadline-open|${opened.deadlineId}`, opened.cause, opened.openedAt),
      // A deadline once opened stays opened.
      { states: this.states, settled: (_, state) => state.status !== 'none' },
    );
    return outcome.events.length > 0;
  }

  async meet(deadlineId: string, fulfilment: Fulfilment): Promise<boolean> {
    const outcome = await runCommand(
      this.store,
      deadlineStream(deadlineId),
      meetDeadlineDecider,
      { deadlineId, metAt: fulfilment.metAt, by: fulfilment.by },
      this.context(`deadline-met|${deadlineId}|${fulfilment.by}`, fulfilment.by, fulfilment.metAt),
      { states: this.states },
    );
    return outcome.events.length > 0;
  }

  async addObligation(deadlineId: string, obligation: WantedObligation): Promise<boolean> {
    return this.recordObligations(deadlineId, [{ obligation }]);
  }

  async meetObligation(
    deadlineId: string,
    obligation: WantedObligation,
    fulfilment: Fulfilment,
  ): Promise<boolean> {
    return this.recordObligations(deadlineId, [{ obligation, fulfilment }]);
  }

  /**
   * Obligations of one deadline begun (without `fulfilment`) or met, in this order, in one append:
   * a page of drafts and submissions for a call costs one commit, not one per applicant. Each
   * event is the one the change recorded alone would write (same id, same envelope).
   */
  async recordObligations(
    deadlineId: string,
    changes: { obligation: WantedObligation; fulfilment?: Fulfilment }[],
  ): Promise<boolean> {
    const outcome = await runCommands(
      this.store,
      deadlineStream(deadlineId),
      recordObligationDecider,
      changes.map(({ obligation, fulfilment }) => this.obligationCommand(deadlineId, obligation, fulfilment)),
      { states: this.states, settled: obligationSettled },
    );
    return outcome.events.length > 0;
  }

  private obligationCommand(
    deadlineId: string,
    { ags, applicationId, cause, addedAt }: WantedObligation,
    fulfilment?: Fulfilment,
  ): CommandInBatch<RecordObligation> {
    if (!fulfilment)
      return {
        command: { change: 'add', deadlineId, ags, applicationId, cause, at: addedAt },
        context: this.context(`deadline-obligation|${deadlineId}|${cause}`, cause, addedAt),
      };
    const { by, metAt } = fulfilment;
    return {
      command: { change: 'meet', deadlineId, ags, applicationId, by, at: metAt },
      context: this.context(`deadline-obligation-met|${deadlineId}|${by}`, by, metAt),
    };
  }

  async withdraw(deadlineId: string, withdrawal: Withdrawal): Promise<boolean> {
    const outcome = await runCommand(
      this.store,
      deadlineStream(deadlineId),
      withdrawDeadlineDecider,
      { deadlineId, reason: withdrawal.reason, cause: withdrawal.cause, at: withdrawal.at },
      this.context(`deadline-withdrawn|${deadlineId}|${withdrawal.cause}`, withdrawal.cause, withdrawal.at),
      { states: this.states },
    );
    return outcome.events.length > 0;
  }

  /** The deadline follows its cause to a later end (a call's closing extended). */
  async follow(deadlineId: string, move: Move): Promise<boolean> {
    const outcome = await runCommand(
      this.store,
      deadlineStream(deadlineId),
      followCauseDecider,
      { deadlineId, ...move },
      this.context(`deadline-follows|${deadlineId}|${move.cause}`, move.cause, move.at),
      { states: this.states },
    );
    return outcome.events.length > 0;
  }

  /** Those the deadline obliges are told that its subject was amended (a published call's terms). */
  async announce(deadlineId: string, amendment: Amendment): Promise<boolean> {
    const outcome = await runCommand(
      this.store,
      deadlineStream(deadlineId),
      announceAmendmentDecider,
      { deadlineId, ...amendment },
      this.context(`deadline-amended|${deadlineId}|${amendment.cause}`, amendment.cause, amendment.at),
      { states: this.states },
    );
    return outcome.events.length > 0;
  }

  /**
   * Records a firing of job `jobId`. The call-closes deadline also closes its call: CallClosed
   * goes to the call's stream first, with an id derived from the job, so that a retry after a
   * crash between the two appends finds it there and finishes the deadline.
   *
   * `known`: the deadline as the manager folded it from its stream, up to that revision; the
   * firing decides on it without reading the stream (a stream that moved on meanwhile is read).
   */
  async fire(
    jobId: string,
    firing: Firing,
    now: string,
    known?: KnownRevision,
  ): Promise<{ events: DeadlineEvent[]; state: DeadlineState }> {
    const stream = deadlineStream(firing.deadlineId);
    const context = this.context(jobId, jobId, now);
    // The manager's folded state first; else this recorder's own, reading only what came since.
    const options = known ? { known, states: this.states } : { states: this.states };
    if (firing.firing === 'reminder') {
      const outcome = await runCommand(
        this.store,
        stream,
        issueReminderDecider,
        { deadlineId: firing.deadlineId, offsetDays: firing.offsetDays ?? -1, dueAt: firing.dueAt, now },
        context,
        options,
      );
      return { events: outcome.events, state: outcome.state };
    }
    const outcome = await runCommand(
      this.store,
      stream,
      passDueMomentDecider,
      async (state) => {
        let elapsedBy: string | undefined;
        if (
          state.status === 'open' &&
          state.deadline.kind === 'call-closes' &&
          state.deadline.dueAt === firing.dueAt &&
          state.deadline.subject.callId &&
          Date.parse(now) >= Date.parse(firing.dueAt)
        ) {
          elapsedBy = await this.closeCall(
            state.deadline.subject.callId,
            firing.dueAt,
            jobId,
            state.deadline.cause,
          );
        }
        return { deadlineId: firing.deadlineId, dueAt: firing.dueAt, now, elapsedBy };
      },
      context,
      options,
    );
    return { events: outcome.events, state: outcome.state };
  }

  private async closeCall(callId: string, closedAt: string, jobId: string, cause: string): Promise<string> {
    const eventId = deterministicUuid(`${jobId}|call-closed`);
    await appendOnce(this.store, streamName('call', callId), [
      {
        type: 'CallClosed',
        data: { callId, closedAt },
        metadata: {
          eventId,
          schemaVersion: SCHEMA_VERSION,
          occurredAt: closedAt,
          actor: DEADLINE_MANAGER,
          correlationId: jobId,
          causationId: cause,
          commandId: jobId,
        },
      },
    ]);
    return eventId;
  }

  private context(commandId: string, causationId: string, occurredAt: string): CommandContext {
    return { actor: DEADLINE_MANAGER, correlationId: commandId, causationId, commandId, occurredAt };
  }
}
