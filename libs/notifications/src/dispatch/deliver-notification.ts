import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { deterministicUuid, type EventStore, fold, SCHEMA_VERSION } from '@app/eventsourcing';
import type { Clock } from '@app/shared';
import {
  evolveSettings,
  initialSettingsState,
  type NotificationDelivered,
  type NotificationDeliveryFailed,
  type NotificationSettingsEvent,
  notificationStream,
  settingsStream,
} from '../notifications';
import type { SecretBox } from '../secret-box';
import type { MailSender } from './email-sender';
import type { DeliveryJobData } from './plan-notifications';
import { postWebhook } from './webhook-sender';

export interface DeliveryDependencies {
  store: EventStore;
  clock: Clock;
  secrets: SecretBox;
  mail: MailSender;
  webhookTimeoutMs: number;
}

export const DISPATCHER_ACTOR = { subject: 'notification-dispatcher', role: 'system' };

/**
 * One attempt of one channel of one notification. The notification's stream decides, not the
 * job: nothing is sent again after a delivery or after giving up, and attempts are numbered
 * on from those recorded, so a job added again (a replay after Redis lost its queues) neither
 * repeats a delivery nor hides an attempt. Each attempt records its outcome once: the event id
 * derives from job id and attempt. A failure is thrown on, so that BullMQ retries with backoff.
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
  const failures = history.filter((e) => e.type === 'NotificationDeliveryFailed');
  if (failures.some((e) => !(e.data as { willRetry: boolean }).willRetry)) return 'given-up';
  const attempt = 1 + Math.max(0, ...failures.map((e) => (e.data as { attempt: number }).attempt));
  const maxAttempts = job.opts.attempts ?? 1;

  const record = async (event: NotificationDelivered | NotificationDeliveryFailed, outcome: string) => {
    await deps.store.appendToStream(
      stream,
      [
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
      ],
      'any',
    );
  };
  const facts = { notificationId, ags, channel, cause: cause.eventId, attempt };
  const fail = async (error: string, willRetry: boolean) =>
    record({ type: 'NotificationDeliveryFailed', data: { ...facts, error, willRetry } }, 'failed');

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
  try {
    if (channel === 'email') {
      await deps.mail.send({ to: target, subject: notice.headline, text: notice.text, notificationId });
    } else {
      await postWebhook({
        url: target,
        secret: secret as string,
        deliveryId: notificationId,
        timeoutMs: deps.webhookTimeoutMs,
        payload: webhookPayload(job.data, attempt),
      });
    }
  } catch (error) {
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, a timeout …) is its cause.
    const reason = (error as { cause?: { code?: string; message?: string } }).cause;
    const message =
      (error instanceof Error ? error.message : String(error)) +
      (reason ? ` (${reason.code ?? reason.message})` : '');
    const willRetry = attempt < maxAttempts;
    await fail(message.slice(0, 500), willRetry);
    throw willRetry ? error : new UnrecoverableError(message);
  }
  await record({ type: 'NotificationDelivered', data: facts }, 'delivered');
  return 'delivered';
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
