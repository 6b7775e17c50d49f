import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { deterministicUuid, type EventStore, fold, SCHEMA_VERSION, streamName } from '@app/eventsourcing';
import type { Clock } from '@app/shared';
import {
  evolveSettings,
  initialSettingsState,
  type NotificationAttempted,
  type NotificationDelivered,
  type NotificationOutcomeUnknown,
  type NotificationDeliveryFailed,
  type NotificationSettingsEvent,
  type NotificationSkipped,
  notificationStream,
  settingsStream,
  type SupersededBy,
} from '../notifications';
import type { SecretBox } from '../secret-box';
import { appendOnce } from '@app/eventsourcing';
import type { DeadlineFacts } from '../deadline-facts';
import { deadlineInvitation } from '../calendar/deadline-calendar';
import { deadlineMail, mailLinks } from '../messages/deadline-mail';
import type { DeadlineNotice } from '../messages/deadline-message';
import { channelHistory } from './channel-history';
import type { MailSender } from './email-sender';
import { deadlineAsOf, type DeliveryJobData } from './plan-notifications';
import { postWebhook, WebhookTargetPrivate } from './webhook-sender';

export interface DeliveryDependencies {
  store: EventStore;
  clock: Clock;
  secrets: SecretBox;
  mail: MailSender;
  webhookTimeoutMs: number;
  /** WEBHOOK_ALLOW_PRIVATE. */
  allowPrivateWebhooks?: boolean;
  /** PUBLIC_BASE_URL: e-mails link to the record, the inbox and the calendar feed; none without it. */
  publicBaseUrl?: string;
}

export const DISPATCHER_ACTOR = { subject: 'notification-dispatcher', role: 'system' };

type Outcome =
  | NotificationAttempted
  | NotificationOutcomeUnknown
  | NotificationDelivered
  | NotificationDeliveryFailed
  | NotificationSkipped;

/**
 * One attempt of one channel of one notification. The notification's stream decides, not the
 * job: nothing is sent after a delivery, after giving up or once the deadline has moved on
 * (met, cancelled, extended: the words would be stale), and attempts are numbered on from
 * those recorded, so a job added again (reconciliation after Redis lost its queues) neither
 * repeats a delivery nor hides an attempt. Each attempt is recorded before it is made and its
 * outcome after; the event ids derive from job id and attempt. An attempt found without an
 * outcome (the worker stopped in between) is recorded as of unknown outcome before anything else
 * happens, so that a later skip or failure does not read as "nothing went out". A failure is
 * thrown on, so that BullMQ retries with backoff.
 *
 * The caller makes sure that one process runs one job id at a time (see `oneAtATime`); across
 * processes BullMQ's lock does, and after Redis lost its locks reconciliation waits out an
 * attempt that may still be under way.
 */
export async function deliverNotification(
  job: Job<DeliveryJobData>,
  deps: DeliveryDependencies,
): Promise<string> {
  const { notificationId, ags, channel, cause, notice } = job.data;
  const stream = notificationStream(notificationId);
  const history = channelHistory(await deps.store.readStream(stream), channel);
  if (history.final) return history.final;
  const maxAttempts = job.opts.attempts ?? 1;

  const record = async (event: Outcome, outcome: string, attempt: number) => {
    await appendOnce(deps.store, stream, [
      {
        type: event.type,
        data: event.data,
        metadata: {
          eventId: deterministicUuid(`${job.id}:${attempt}:${outcome}`),
          schemaVersion: SCHEMA_VERSION,
          occurredAt: deps.clock.nowIso(),
          actor: DISPATCHER_ACTOR,
          correlationId: cause.correlationId,
          causationId: cause.eventId,
        },
      },
    ]);
  };
  const factsOf = (attempt: number) => ({ notificationId, ags, channel, cause: cause.eventId, attempt });

  for (const unresolved of history.unresolved)
    await record({ type: 'NotificationOutcomeUnknown', data: factsOf(unresolved) }, 'unknown', unresolved);
  const unknowns = history.unknowns + history.unresolved.length;
  const attempt = history.nextAttempt;
  const facts = factsOf(attempt);
  const fail = async (error: string, willRetry: boolean) =>
    record({ type: 'NotificationDeliveryFailed', data: { ...facts, error, willRetry } }, 'failed', attempt);

  const deadlineNow = notice.deadline?.deadlineId
    ? deadlineAsOf(await deps.store.readStream(streamName('deadline', notice.deadline.deadlineId)))
    : undefined;
  const superseded = supersededBy(deadlineNow, notice.deadline);
  if (superseded) {
    await record({ type: 'NotificationSkipped', data: { ...facts, reason: superseded } }, 'skipped', attempt);
    return 'superseded';
  }
  // A message whose every attempt ends with its worker gone (one that kills the worker, say)
  // must not go round for ever; what may have reached the receiver stays on record above.
  if (unknowns >= maxAttempts) {
    const reason = `the worker stopped during ${unknowns} attempts; whether any reached the receiver is unknown`;
    await fail(reason, false);
    throw new UnrecoverableError(`${channel} of ${ags}: ${reason}`);
  }

  const settingsEvents = (await deps.store.readStream(
    settingsStream(ags),
  )) as unknown as NotificationSettingsEvent[];
  const settings = fold({ evolve: evolveSettings, initialState: initialSettingsState }, settingsEvents);
  const secret = deps.secrets.open(settings.webhookSecretSealed);
  const target = channel === 'email' ? settings.email : settings.webhookUrl;
  const unusable = !target
    ? `the ${channel} channel is no longer configured`
    : channel === 'webhook' && !secret
      ? 'the webhook secret cannot be opened: NOTIFICATIONS_SECRET_KEY differs from the one that sealed it'
      : undefined;
  if (unusable || !target) {
    const reason = unusable ?? 'not configured';
    await fail(reason, false);
    throw new UnrecoverableError(`${channel} of ${ags}: ${reason}`);
  }
  await record({ type: 'NotificationAttempted', data: facts }, 'attempted', attempt);
  try {
    if (channel === 'email') {
      const token = deps.secrets.open(settings.calendarTokenSealed);
      const links = mailLinks(deps.publicBaseUrl, notice, token ? { ags, token } : undefined);
      const mail = deadlineMail(notice, links);
      await deps.mail.send({ to: target, ...mail, ics: invitationOf(notice, deadlineNow), notificationId });
    } else {
      await postWebhook({
        url: target,
        secret: secret as string,
        deliveryId: notificationId,
        timeoutMs: deps.webhookTimeoutMs,
        allowPrivate: deps.allowPrivateWebhooks,
        payload: webhookPayload(job.data, attempt),
      });
    }
  } catch (error) {
    const message = describe(error);
    // The budget counts failures: an attempt of unknown outcome is owed another try.
    const willRetry = history.failures + 1 < maxAttempts && !(error instanceof WebhookTargetPrivate);
    await fail(message.slice(0, 500), willRetry);
    throw willRetry ? error : new UnrecoverableError(message);
  }
  await record({ type: 'NotificationDelivered', data: facts }, 'delivered', attempt);
  return 'delivered';
}

/**
 * Runs a job's delivery only while no other run of the same job id is under way in this process:
 * after Redis lost its keys, a job added again by reconciliation can reach this process while
 * the first run still sends. The second waits, then reads the stream, which by then has the
 * first one's outcome.
 */
export function oneAtATime<T>(run: (job: Job<DeliveryJobData>) => Promise<T>) {
  const running = new Map<string, Promise<unknown>>();
  return async (job: Job<DeliveryJobData>): Promise<T> => {
    const id = job.id ?? '';
    for (let earlier = running.get(id); earlier; earlier = running.get(id))
      await earlier.catch(() => undefined);
    const run$ = run(job);
    running.set(id, run$);
    try {
      return await run$;
    } finally {
      if (running.get(id) === run$) running.delete(id);
    }
  };
}

/**
 * Whether the deadline moved on since the cause was told: met, cancelled, or due at another
 * moment (extended). A deadline the store does not know is no reason to hold a message back.
 */
function supersededBy(
  now: DeadlineFacts | undefined,
  told: { deadlineId: string; dueAt: string } | undefined,
): SupersededBy | undefined {
  if (!told?.deadlineId || !now) return undefined;
  if (now.status === 'met') return 'deadline-met';
  if (now.status === 'cancelled') return 'deadline-cancelled';
  return now.dueAt !== told.dueAt ? 'deadline-moved' : undefined;
}

/**
 * The deadline as a calendar entry, titled as the notice words it. The facts as the store has
 * them now (the notice is not superseded, so they are due when the notice says); a deadline
 * the store does not know gets an entry from the notice alone.
 */
function invitationOf(notice: DeadlineNotice, now: DeadlineFacts | undefined): string | undefined {
  const d = notice.deadline;
  if (!d?.dueAt) return undefined;
  const facts: DeadlineFacts = now ?? {
    deadlineId: d.deadlineId,
    kind: d.kind,
    subject: d.subject,
    obligedAgs: d.obligedAgs,
    statedDueDate: d.dueDate,
    dueAt: d.dueAt,
    reminderOffsetsDays: [],
    status: 'open',
    missed: notice.type !== 'reminder',
    sequence: 0,
    changedAt: notice.at || d.dueAt,
  };
  return deadlineInvitation(facts, { municipality: () => undefined, deadlineTitle: () => d.title });
}

/** The error as the outcome event states it: a network error's code (ECONNREFUSED, a timeout …) included. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = code ?? cause?.code ?? cause?.message;
  return detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message;
}

/** The JSON a webhook receives (besides `sentAt`, added when it is signed and sent). */
export function webhookPayload({ notificationId, ags, cause, notice }: DeliveryJobData, attempt: number) {
  return {
    id: notificationId,
    type: `deadline.${notice.type}`,
    ags,
    attempt,
    cause: { eventId: cause.eventId, type: cause.type },
    deadline: notice.deadline,
    ...(notice.offsetDays !== undefined ? { offsetDays: notice.offsetDays } : {}),
    occurredAt: notice.at,
    headline: notice.headline,
    text: notice.text,
  };
}
