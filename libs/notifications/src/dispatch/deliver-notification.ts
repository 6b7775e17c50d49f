import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import {
  deterministicUuid,
  type EventStore,
  fold,
  type RecordedEvent,
  SCHEMA_VERSION,
  streamName,
} from '@app/eventsourcing';
import type { Clock } from '@app/shared';
import {
  evolveSettings,
  initialSettingsState,
  type NotificationAttempted,
  type NotificationDelivered,
  type NotificationDeliveryFailed,
  type NotificationSettingsEvent,
  type NotificationSkipped,
  notificationStream,
  settingsStream,
  type SupersededBy,
} from '../notifications';
import type { SecretBox } from '../secret-box';
import { appendOnce } from '@app/eventsourcing';
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
}

export const DISPATCHER_ACTOR = { subject: 'notification-dispatcher', role: 'system' };

type Outcome =
  NotificationAttempted | NotificationDelivered | NotificationDeliveryFailed | NotificationSkipped;

const attemptOf = (e: RecordedEvent) => (e.data as { attempt: number }).attempt;

/**
 * One attempt of one channel of one notification. The notification's stream decides, not the
 * job: nothing is sent after a delivery, after giving up or once the deadline has moved on
 * (met, cancelled, extended: the words would be stale), and attempts are numbered on from
 * those recorded, so a job added again (a replay after Redis lost its queues) neither repeats a
 * delivery nor hides an attempt. Each attempt is recorded before it is made and its outcome
 * after; the event ids derive from job id and attempt. A failure is thrown on, so that BullMQ
 * retries with backoff.
 */
export async function deliverNotification(
  job: Job<DeliveryJobData>,
  deps: DeliveryDependencies,
): Promise<string> {
  const { notificationId, ags, channel, cause, notice } = job.data;
  const stream = notificationStream(notificationId);
  const history = (await deps.store.readStream(stream)).filter(
    (e) => (e.data as { channel?: string }).channel === channel,
  );
  if (history.some((e) => e.type === 'NotificationDelivered')) return 'already-delivered';
  if (history.some((e) => e.type === 'NotificationSkipped')) return 'superseded';
  const tries = history.filter(
    (e) => e.type === 'NotificationDeliveryFailed' || e.type === 'NotificationAttempted',
  );
  if (
    tries.some(
      (e) => e.type === 'NotificationDeliveryFailed' && !(e.data as { willRetry: boolean }).willRetry,
    )
  )
    return 'given-up';
  const attempt = 1 + Math.max(0, ...tries.map(attemptOf));
  const maxAttempts = job.opts.attempts ?? 1;

  const record = async (event: Outcome, outcome: string) => {
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
  const facts = { notificationId, ags, channel, cause: cause.eventId, attempt };
  const fail = async (error: string, willRetry: boolean) =>
    record({ type: 'NotificationDeliveryFailed', data: { ...facts, error, willRetry } }, 'failed');

  const superseded = await supersededBy(deps.store, notice.deadline);
  if (superseded) {
    await record({ type: 'NotificationSkipped', data: { ...facts, reason: superseded } }, 'skipped');
    return 'superseded';
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
  await record({ type: 'NotificationAttempted', data: facts }, 'attempted');
  try {
    if (channel === 'email') {
      await deps.mail.send({ to: target, subject: notice.headline, text: notice.text, notificationId });
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
    const willRetry = attempt < maxAttempts && !(error instanceof WebhookTargetPrivate);
    await fail(message.slice(0, 500), willRetry);
    throw willRetry ? error : new UnrecoverableError(message);
  }
  await record({ type: 'NotificationDelivered', data: facts }, 'delivered');
  return 'delivered';
}

/**
 * Whether the deadline moved on since the cause was told: met, cancelled, or due at another
 * moment (extended). A deadline the store does not know is no reason to hold a message back.
 */
async function supersededBy(
  store: EventStore,
  told: { deadlineId: string; dueAt: string } | undefined,
): Promise<SupersededBy | undefined> {
  if (!told?.deadlineId) return undefined;
  const now = deadlineAsOf(await store.readStream(streamName('deadline', told.deadlineId)));
  if (!now) return undefined;
  if (now.status === 'met') return 'deadline-met';
  if (now.status === 'cancelled') return 'deadline-cancelled';
  return now.dueAt !== told.dueAt ? 'deadline-moved' : undefined;
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
