import type { Decider } from '@app/eventsourcing';
import {
  WebhookSecretWithoutUrl,
  WebhookUrlNotHttp,
  WebhookUrlPrivate,
  WebhookUrlWithCredentials,
} from '../errors';
import {
  evolveSettings,
  initialSettingsState,
  type NotificationChannelsSet,
  type NotificationSettingsEvent,
  type NotificationSettingsState,
} from '../notifications';
import { isPrivateHost } from '../webhook-target';

export interface SetNotificationChannels {
  ags: string;
  email?: string;
  webhookUrl?: string;
  /**
   * A secret the municipality chose, sealed by the handler, with a digest of it in clear; sealing
   * takes a fresh IV each time, so only the digest tells whether it is the secret in force.
   */
  chosenWebhookSecret?: { sealed: string; digest: string };
  /** Digest of the secret in force (opened by the handler), to compare with a chosen one. */
  currentWebhookSecretDigest?: string;
  /** WEBHOOK_ALLOW_PRIVATE: loopback, private and internal hosts are accepted (tests, development). */
  allowPrivateWebhooks?: boolean;
  rotateWebhookSecret?: boolean;
  rotateCalendarToken?: boolean;
  /** Fresh sealed secrets, used only where none exists yet or a rotation is asked for. */
  fresh: { webhookSecretSealed: string; calendarTokenSealed: string };
}

/**
 * Only http(s), no credentials in the URL (they would be stored and logged in clear), and a
 * public host unless private ones are allowed.
 */
export function checkWebhookUrl(raw: string, allowPrivate = false): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlNotHttp(raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookUrlNotHttp(raw);
  if (url.username || url.password) throw new WebhookUrlWithCredentials();
  if (!allowPrivate && isPrivateHost(url.hostname)) throw new WebhookUrlPrivate(raw);
  return url.toString();
}

/**
 * The channels a municipality is told through, replaced as a whole (PUT): a channel left out is
 * switched off. The webhook secret stays as it is unless one is given or a rotation is asked
 * for; the calendar token likewise. Setting the same channels again (the same chosen secret
 * included) records nothing.
 */
export function setNotificationChannels(
  command: SetNotificationChannels,
  state: NotificationSettingsState,
): NotificationChannelsSet[] {
  const webhookUrl =
    command.webhookUrl === undefined
      ? undefined
      : checkWebhookUrl(command.webhookUrl, command.allowPrivateWebhooks);
  const chosen = command.chosenWebhookSecret;
  if (chosen && !webhookUrl) throw new WebhookSecretWithoutUrl();
  const chosenSealed =
    chosen && state.webhookSecretSealed && chosen.digest === command.currentWebhookSecretDigest
      ? state.webhookSecretSealed
      : chosen?.sealed;
  const webhookSecretSealed = !webhookUrl
    ? undefined
    : (chosenSealed ??
      (command.rotateWebhookSecret || !state.webhookSecretSealed
        ? command.fresh.webhookSecretSealed
        : state.webhookSecretSealed));
  const calendarTokenSealed =
    command.rotateCalendarToken || !state.calendarTokenSealed
      ? command.fresh.calendarTokenSealed
      : state.calendarTokenSealed;
  const next = {
    ags: command.ags,
    ...(command.email !== undefined ? { email: command.email } : {}),
    ...(webhookUrl !== undefined ? { webhookUrl, webhookSecretSealed } : {}),
    calendarTokenSealed,
  };
  const unchanged =
    state.ags === command.ags &&
    state.email === command.email &&
    state.webhookUrl === webhookUrl &&
    state.webhookSecretSealed === webhookSecretSealed &&
    state.calendarTokenSealed === calendarTokenSealed;
  return unchanged ? [] : [{ type: 'NotificationChannelsSet', data: next }];
}

export const setNotificationChannelsDecider: Decider<
  SetNotificationChannels,
  NotificationSettingsEvent,
  NotificationSettingsState
> = {
  decide: setNotificationChannels,
  evolve: evolveSettings,
  initialState: initialSettingsState,
};
